"""The shape of the code: dependencies point inward, pure rules stay pure, features show."""
