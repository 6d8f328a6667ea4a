# The coordinators' lists and cards: matches, a match, who, the review queue and an
# application's card, the programme report and exports, the survey commands.
