"""The optional e-mail "There is news from your agency": once an item marked for it is showing, each
person of its audience (the client, and carers acting for them) with an e-mail address is told once.
A MarketingNotice row per person and item, written in the same transaction as the e-mail and unique,
makes it once-only: the job is safe to run twice, or in two processes at once."""

from domain import action
from domain.marketing.letters import NewsFromAgency
from domain.messaging import outbox
from storage.queries import marketing as queries


def send_due() -> int:
    """Queue the e-mails for every item showing now that asks for them; how many were queued."""
    queued = 0
    with action.writing() as act:
        for item in queries.due_for_notice(act.now, session=act.session):
            locked = queries.item(item.id, session=act.session, for_update=True)
            if locked is None:
                continue
            people = queries.not_yet_told(locked, session=act.session)
            for person in people:
                outbox.email(act, to=[person.email], letter=NewsFromAgency(person.display_name, locked.title))
            queries.mark_told(locked.id, [person.id for person in people], act.now, session=act.session)
            queued += len(people)
    return queued
