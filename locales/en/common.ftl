# Words and sentences used everywhere.

days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## The `language` command.

language-current = I write to you in { $language }. To change it, type language and one of: { $choices }.
language-set = From now on I'll write to you in { $language }.
language-unknown = I don't speak “{ $asked }” yet. I can write in: { $choices }. I'll go on in { $language }.

## Dates.

date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Offered in every other language under the first help, so that anyone finds theirs.

language-offer = 🌐 In English: type language en

## Days of the week, whole.

weekday-long-1 = Monday
weekday-long-2 = Tuesday
weekday-long-3 = Wednesday
weekday-long-4 = Thursday
weekday-long-5 = Friday
weekday-long-6 = Saturday
weekday-long-7 = Sunday
