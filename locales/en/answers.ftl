# Reading answers to questions (domain::answer) and asking them (flows::form).

choice-yes = Yes
choice-no = No
choice-agree = I agree
choice-disagree = I do not agree
answer-agreed = Agreed ({ $at })
answer-skipped = (skipped)
answer-not-yet = (not answered yet)

pick-exactly = { $count ->
    [one] exactly { $count } option
   *[other] exactly { $count } options
}
pick-up-to = up to { $max } options
pick-between = { $min } to { $max } options
languages-between = { $min } to { $max } languages
languages-exactly = { $count } languages

## Said under a question: what fits.

expect-long-text-min = Take your time: a few sentences (at least { $min } characters).
expect-long-text = Take your time: a few sentences are fine.
expect-single-choice = Answer with an option's number or a word from it.
expect-yes-no = Answer yes or no.
expect-multi-choice = Pick { $range }, by number or a word from each, separated by commas (for example: { $example }).
expect-number = Answer with a number from { $min } to { $max }.
expect-whole-number = Answer with a whole number from { $min } to { $max }.
expect-time-zone = For example: Europe/London, America/Sao_Paulo, Lagos or UTC+2.
expect-languages = Name { $range } in English or by code, separated by commas (for example: English, Swahili).
expect-languages-one = one language
expect-consent = Answer “I agree” to continue.
expect-scale = Answer with a number from 1 ({ $first }) to { $count } ({ $last }).
expect-nps = Answer with a whole number from 0 (not at all likely) to 10 (extremely likely).

## An answer that does not fit: what is expected, with one example.

answer-pick-one = Please pick just one option, for example: { $example }.
answer-pick-count = Please pick { $range } (you picked { $count }), separated by commas, for example: { $example }.
answer-number-expected = Please answer with a number from { $min } to { $max }, for example: { $example }.
answer-whole-number-expected = Please answer with a whole number from { $min } to { $max }, for example: { $example }.
answer-number-less = { $n } is less than { $limit }. { $expected }
answer-number-more = { $n } is more than { $limit }. { $expected }
answer-scale-expected = Please answer with a number from 1 ({ $first }) to { $count } ({ $last }), for example: { $example }.
answer-nps-expected = Please answer with a whole number from 0 (not at all likely) to 10 (extremely likely), for example: 8.
answer-nps-outside = { $n } is not between 0 and 10. { $expected }
answer-yes-no = Please answer yes or no.
answer-language-unknown = I don't know the language “{ $name }”. Please use its name in English or its two-letter code, for example: English, Swahili or sw.
answer-languages-count = Please name { $range } (you named { $count }), separated by commas, for example: { $example }.
answer-consent-refused = We can only take your application further with your agreement. If you'd rather not agree, type cancel to stop; otherwise answer “I agree”.
answer-consent-expected = Please answer “I agree” to continue, or type cancel to stop.
answer-typed-needed = This question needs a typed answer, not a choice.
answer-empty = I didn't catch an answer there. Please type your answer.
answer-too-short = Please write a little more: at least { $min } characters (yours has { $count }).
answer-too-long = Please keep your answer under { $max } characters (yours has { $count }).
answer-how-pick-one = Please answer with an option's number or a word from it, for example: { $example }.
answer-how-pick-several = Please answer with options' numbers or words from them, separated by commas, for example: { $example }.
answer-empty-pick = I didn't catch an answer there. { $how }
answer-ambiguous = “{ $part }” fits more than one option: { $named }. Please answer with the number of the one you mean, for example: { $example }.
answer-not-an-option = “{ $part }” isn't one of the options. { $how }
time-zone-hint = Please give a time zone such as Europe/London, America/Sao_Paulo, Lagos or UTC+2.
time-zone-bad-offset = “{ $typed }” is not a valid UTC offset: offsets run from UTC-12 to UTC+14, like UTC+2 or UTC-03:30.
time-zone-unknown = I don't know the time zone “{ $typed }”. { $hint }

## Asking a question of a form.

form-question-of = Question { $number } of { $count }: { $prompt }
form-optional = (Optional: type skip to leave it out.)
form-current-answer = Your current answer: { $answer }. Send a new answer, or type keep to leave it as it is.
form-retry = { $note }
    (Type repeat to see the question again.)
form-not-skippable = This question can't be skipped: please answer it.
form-first-question = This is the first question.
form-nothing-to-keep = There's no answer to keep yet: please answer the question.
