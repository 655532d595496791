"""Domain exceptions: each carries a message a client can read, shown as it is by the page."""


class DomainError(Exception):
    """Something the person asked for cannot be done; the message says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(DomainError):
    """The caller may not see or change this record. Deliberately vague: it does not say whether it exists."""

    def __init__(self, message: str = "You do not have access to that.") -> None:
        super().__init__(message)


class NotFound(DomainError):
    pass


class InvalidInput(DomainError):
    """One or more fields are wrong; `fields` maps each field name to what is wrong with it."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__(" ".join(self.fields.values()))


class SignInFailed(DomainError):
    pass


class AccountLocked(SignInFailed):
    pass
