# Looking after pairs: staff check-ins and their notices, lapsed checks, the waiting list,
# check-in alerts and the coordinators' side of closing a match.
