"""What the three processes of the load test agree on: the world's size, the
mix of users and the amounts. No Django here: the locust process imports it
too, and keeps the application out of its gevent-patched interpreter."""

from decimal import Decimal

USERS = 50
# Ten treasurers compete for the same rooms' top-ups; the rest are team
# coordinators, each with an activity of their own in one of the rooms.
TREASURERS = 10
COORDINATORS = USERS - TREASURERS
ROOMS = 4
# One room gets less than the cooperative's allowance, so the cap is checked
# against a room's own figure too.
LOWER_ALLOWANCE = Decimal("150.00")
# More than half the allowance: one top-up fits in a month (in the room with
# less, to the cent), the next must be refused, not cut down, and any two that
# meet at the database ask for more than the month allows.
TOP_UP = Decimal("150.00")
# The months the treasurers top up: this one and the next ones, never one with
# the cash the world starts with, so each month's sum is the load's alone.
# Enough that most rounds of a minute's load find a month with room left.
MONTHS_AHEAD = 6
# Cash every room has from earlier months, far more than the coordinators'
# small expenses can use up in a minute: an expense is never refused.
SEEDED_MONTHS = 12
SEEDED_TOP_UP = Decimal("250.00")
WRITE_KINDS = ("sessions", "expenses", "transfers")
