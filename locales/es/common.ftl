# Palabras y frases que se usan en todas partes.

days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}

## El comando `language` (idioma).

language-current = Te escribo en { $language }. Para cambiarlo, escribe language (o idioma) y uno de estos: { $choices }.
language-set = A partir de ahora te escribiré en { $language }.
language-unknown = Todavía no hablo «{ $asked }». Puedo escribir en: { $choices }. Sigo en { $language }.
language-menu = Elige un idioma
