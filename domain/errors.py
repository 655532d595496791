"""Domain exceptions: each carries a message a client can read, shown as it is by the page."""

from domain.language import _


class DomainError(Exception):
    """Something the person asked for cannot be done; the message says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(DomainError):
    """The caller may not see or change this record. Deliberately vague: it does not say whether it exists."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("You do not have access to that."))


class SetByAgency(NotAllowed):
    """A carer asked for something the agency has not let them do for this client (their access level
    or statements flag): the message says so, since the client is theirs to know about."""


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


class SecondFactorNeeded(SignInFailed):
    """The password was right; the account asks for its two-step code too."""


class ChangedMeanwhile(DomainError):
    """Someone changed the same records at the same moment and the database undid this attempt;
    tried again a few times, it still collided. Nothing was changed."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _("This changed while you were working on it, so nothing was done. Please look at it again.")
        )


class PortalBusy(DomainError):
    """Every database connection is in use for longer than a person should wait."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _("The portal is very busy right now, so nothing was done. Please try again in a minute.")
        )


class TooManyAttempts(DomainError):
    """Too many attempts from one address or for one account in a short time; `retry_after` is in seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
