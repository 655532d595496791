"""Name pools for generated people, as varied as Greater Sydney, and fictitious phone numbers."""

import random

FEMALE_FIRST = (
    "Margaret", "Patricia", "Barbara", "Dorothy", "Joan", "Shirley", "Beverley", "Valerie", "Maria", "Anna",
    "Eleni", "Giulia", "Rosa", "Mai", "Lan", "Hoa", "Mei", "Ling", "Fatima", "Layla", "Priya", "Anjali", "Grace",
    "Sophie", "Chloe", "Olivia", "Emily", "Jessica", "Aisha", "Zoe", "Leilani", "Maricel", "Ji-woo", "Carmen",
    "Ngaio", "Kirra", "Yasmin", "Siobhan", "Isabella", "Ruth",
)
MALE_FIRST = (
    "John", "Robert", "William", "Kevin", "Graham", "Peter", "Ian", "Bruce", "Giorgos", "Nikos", "Giuseppe",
    "Marco", "Minh", "Tuan", "Wei", "Jun", "Ahmed", "Omar", "Rahul", "Arjun", "James", "Liam", "Noah", "Jack",
    "Daniel", "Ben", "Samuel", "Mateo", "Jae-won", "Jarrah", "Kai", "Paolo", "Hamid", "Tomás", "Sean",
)
NON_BINARY_FIRST = ("Alex", "Sam", "Jordan", "Riley", "Charlie", "Quinn", "Jesse", "Robin")
LAST = (
    "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White", "Martin", "Anderson",
    "Thompson", "Walker", "Kelly", "O'Brien", "Ryan", "Murphy", "Papadopoulos", "Georgiou", "Nikolaidis",
    "Rossi", "Russo", "Romano", "Nguyen", "Nguyễn", "Tran", "Le", "Pham", "Chen", "Wang", "Li", "Zhang", "Wong",
    "Khoury", "Haddad", "Nasser", "Sharma", "Patel", "Singh", "Kaur", "Reyes", "Santos", "Kim", "Park",
    "Fernandez", "Lopez", "Campbell", "Stewart", "MacDonald", "Hughes", "Edwards",
)
STREETS = (
    "George Street", "King Street", "Victoria Road", "Church Street", "Railway Parade", "Station Street",
    "Park Road", "High Street", "Smith Street", "Elizabeth Street", "Bay Street", "Marion Street",
    "Illawarra Road", "Great North Road", "Pacific Highway", "Parramatta Road", "Edgeware Road", "Short Street",
    "Wattle Avenue", "Banksia Crescent", "Waratah Street", "Jacaranda Way", "Bottlebrush Lane", "Grevillea Close",
)
RELATIONSHIPS = {
    "female": ("Daughter", "Wife", "Partner", "Friend", "Neighbour", "Niece", "Sister"),
    "male": ("Son", "Husband", "Partner", "Friend", "Neighbour", "Nephew", "Brother"),
    "non_binary": ("Partner", "Friend", "Neighbour", "Child"),
}


def fictitious_mobile(rng: random.Random) -> str:
    """A mobile number from the block the regulator keeps for fiction: it rings nobody."""
    return f"+6149157{rng.randrange(0, 10_000):04d}"


def fictitious_landline(rng: random.Random) -> str:
    prefix = rng.choice(("+6125550", "+6127010"))  # 02 5550 xxxx and 02 7010 xxxx
    return f"{prefix}{rng.randrange(0, 10_000):04d}"
