# Palabras y frases que se usan en todas partes.

days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}

## El comando `language` (idioma).

language-current = Te escribo en { $language }. Para cambiarlo, escribe language (o idioma) y uno de estos: { $choices }.
language-set = A partir de ahora te escribiré en { $language }.
language-unknown = Todavía no hablo «{ $asked }». Puedo escribir en: { $choices }. Sigo en { $language }.

## Fechas.

date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Se ofrece en todos los demás idiomas bajo la primera ayuda, para que cada cual encuentre el suyo.

language-offer = 🌐 En español: escribe idioma es

## Los días de la semana, enteros.

weekday-long-1 = lunes
weekday-long-2 = martes
weekday-long-3 = miércoles
weekday-long-4 = jueves
weekday-long-5 = viernes
weekday-long-6 = sábado
weekday-long-7 = domingo
