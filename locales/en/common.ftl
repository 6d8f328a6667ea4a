# Words and sentences used everywhere.

days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## The `language` command.

language-current = I write to you in { $language }. To change it, type language and one of: { $choices }.
language-set = From now on I'll write to you in { $language }.
language-unknown = I don't speak “{ $asked }” yet. I can write in: { $choices }. I'll go on in { $language }.
language-menu = Choose a language
