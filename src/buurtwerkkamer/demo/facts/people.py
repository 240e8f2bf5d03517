"""The people of the rooms and the logins of every role."""

from buurtwerkkamer.access.constants import Role
from buurtwerkkamer.people.constants import MemberKind

from . import LoginFact, PersonFact

EMPLOYEE = MemberKind.EMPLOYEE
VOLUNTEER = MemberKind.VOLUNTEER
PARTICIPANT = MemberKind.PARTICIPANT

OV, KE, ON, HG = "overvecht", "kanaleneiland", "ondiep", "hoograven"

# The first login of each role is the one the command shows for that role.
LOGINS = (
    LoginFact("bestuur", "Marleen de Vries", Role.BOARD),
    LoginFact("secretaris", "Hamid Benali", Role.BOARD),
    LoginFact("penningmeester", "Karin Smit", Role.TREASURER),
    LoginFact("coach", "Sanne Jansen", Role.PROJECT_COACH, rooms=(ON, HG)),
    LoginFact("teamcoordinator", "Yasmina Ouali", Role.TEAM_COORDINATOR, rooms=(OV,)),
    LoginFact(
        "teamcoordinator.kanaleneiland",
        "Dennis Bakker",
        Role.TEAM_COORDINATOR,
        rooms=(KE,),
    ),
    LoginFact(
        "teamcoordinator.ondiep", "Priya Ramdin", Role.TEAM_COORDINATOR, rooms=(ON,)
    ),
    LoginFact("vrijwilliger", "Henk van Dijk", Role.VOLUNTEER, rooms=(OV,)),
    LoginFact("kascommissie", "Ellen Mulder", Role.AUDIT_COMMITTEE),
    LoginFact("kascommissie2", "Tarik Yilmaz", Role.AUDIT_COMMITTEE),
    LoginFact("accountant", "Roel Hoekstra", Role.ACCOUNTANT),
    LoginFact(
        "gemeente", "Jeroen Verbeek", Role.PARTNER, organisation="gemeente-utrecht"
    ),
)

PEOPLE = (
    # Overvecht, open for three years.
    PersonFact("Yasmina", "Ouali", (OV,), EMPLOYEE, 1120, login="teamcoordinator"),
    PersonFact("Henk", "van Dijk", (OV,), VOLUNTEER, 1090, login="vrijwilliger"),
    PersonFact("Gerda", "Pronk", (OV,), VOLUNTEER, 1080, phone="06-4127 8830"),
    PersonFact("Mustafa", "Aydin", (OV,), VOLUNTEER, 1000),
    PersonFact("Ilse", "de Graaf", (OV,), VOLUNTEER, 1060, left_ago=200),
    PersonFact("Abdelkader", "Bouzid", (OV,), PARTICIPANT, 900),
    PersonFact("Wendy", "Kok", (OV,), PARTICIPANT, 610, phone="06-3890 1174"),
    PersonFact("Sevda", "Kaya", (OV,), None),
    PersonFact("Truus", "Hendriks", (OV,), VOLUNTEER, 820),
    PersonFact("Tarik", "Yilmaz", (OV,), VOLUNTEER, 980, login="kascommissie2"),
    # Kanaleneiland, open for two years; its first coordinator has left.
    PersonFact(
        "Dennis",
        "Bakker",
        (KE,),
        EMPLOYEE,
        240,
        login="teamcoordinator.kanaleneiland",
    ),
    PersonFact("Mieke", "Vos", (KE,), EMPLOYEE, 760, left_ago=250),
    PersonFact("Naima", "Chaouch", (KE,), VOLUNTEER, 720),
    PersonFact("Kees", "Brouwer", (KE, OV), VOLUNTEER, 700, phone="06-2255 0192"),
    PersonFact("Samira", "Haddou", (KE,), PARTICIPANT, 540),
    PersonFact("Ramon", "Martina", (KE,), VOLUNTEER, 450),
    PersonFact("Jolanda", "Visser", (KE,), PARTICIPANT, 690, left_ago=120),
    PersonFact("Ahmet", "Demir", (KE,), None),
    PersonFact("Fleur", "Dekker", (KE,), VOLUNTEER, 90),
    PersonFact("Ellen", "Mulder", (KE,), VOLUNTEER, 710, login="kascommissie"),
    # Ondiep, open for ten months.
    PersonFact("Priya", "Ramdin", (ON,), EMPLOYEE, 330, login="teamcoordinator.ondiep"),
    PersonFact("Bram", "Koster", (ON,), VOLUNTEER, 290),
    PersonFact("Lies", "van Leeuwen", (ON,), VOLUNTEER, 295, phone="06-5071 4463"),
    PersonFact("Youssef", "Amrani", (ON,), PARTICIPANT, 210),
    PersonFact("Marianne", "Bos", (ON,), PARTICIPANT, 180),
    PersonFact("Gijs", "Post", (ON,), VOLUNTEER, 280, left_ago=35),
    PersonFact("Esther", "Schouten", (ON,), None),
    # Hoograven, still starting up: the residents who drive it.
    PersonFact("Anouk", "Willems", (HG,), VOLUNTEER, 150, phone="06-1938 2206"),
    PersonFact("Rachid", "El Idrissi", (HG,), None),
    PersonFact("Tineke", "Vermeulen", (HG,), VOLUNTEER, 60),
    PersonFact("Bas", "Peters", (HG,), None),
    # The project coach works for two rooms.
    PersonFact("Sanne", "Jansen", (ON, HG), EMPLOYEE, 720, login="coach"),
)
