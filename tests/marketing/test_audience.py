"""Who sees an item, and when: the audience (everyone, groups, named clients) and the publish window
in the agency's time zone, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest

from domain import clock
from domain.accounts import auth, invitations
from domain.accounts.access import Actor
from domain.errors import DomainError, NotAllowed, NotFound
from domain.marketing import feed, items
from tests.marketing.support import client_number, leave_group, link_item, new_group
from tests.support.personas import Personas

DEMO_NEWS = {
    "Welcome to your Care Portal",
    "Flu vaccinations are here",
    "Summer newsletter",
    "Staying cool in a heatwave",
}


def titles(actor: Actor, client_id: int) -> list[str]:
    """The items this client sees, newest first, leaving out the demo agency's own."""
    return [card.title for card in feed.for_client(actor, client_id) if card.title not in DEMO_NEWS]


def test_a_group_member_sees_an_item_and_a_non_member_does_not(personas: Personas) -> None:
    margaret, george = personas.client, personas.other_client
    assert margaret.client_id
    assert george.client_id
    group = new_group("Knitting circle", margaret.client_id)
    link_item(personas.admin, "Knitting morning", groups=(group,))
    assert titles(margaret, margaret.client_id) == ["Knitting morning"]
    assert titles(george, george.client_id) == []


def test_a_named_client_sees_an_item_and_no_one_else_does(personas: Personas) -> None:
    margaret, george = personas.client, personas.other_client
    assert margaret.client_id
    assert george.client_id
    link_item(personas.admin, "For George", clients=(client_number(george.client_id),))
    assert titles(george, george.client_id) == ["For George"]
    assert titles(margaret, margaret.client_id) == []


def test_everyone_means_every_client_and_a_carer_sees_the_items_of_the_client_they_act_for(
    personas: Personas,
) -> None:
    thanh = personas.cared_for("Thanh")
    assert titles(personas.carer, thanh) == []
    link_item(personas.admin, "Flu vaccinations", everyone=True)
    assert titles(personas.carer, thanh) == ["Flu vaccinations"]
    assert titles(personas.other_client, personas.other_client.client_id or 0) == ["Flu vaccinations"]


def test_an_item_is_hidden_before_its_start_and_from_its_end_in_the_agencys_time(personas: Personas) -> None:
    margaret = personas.client
    assert margaret.client_id
    # 09:00 to 17:00 on 1 December 2026 in Sydney (daylight time, UTC+11): 22:00 to 06:00 UTC.
    link_item(
        personas.admin,
        "Open day",
        starts=datetime(2026, 12, 1, 9, 0),
        ends=datetime(2026, 12, 1, 17, 0),
        clients=(client_number(margaret.client_id),),
    )
    starts, ends = datetime(2026, 11, 30, 22, 0, tzinfo=UTC), datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
    for moment, shown in (
        (starts - timedelta(microseconds=1), False),
        (starts, True),
        (ends - timedelta(microseconds=1), True),
        (ends, False),
    ):
        clock.freeze(moment)
        assert titles(margaret, margaret.client_id) == (["Open day"] if shown else []), moment


def test_a_client_moved_out_of_a_group_stops_seeing_its_items_at_once(personas: Personas) -> None:
    margaret = personas.client
    assert margaret.client_id
    group = new_group("Walking group", margaret.client_id)
    item_id = link_item(personas.admin, "Walk on Sunday", groups=(group,))
    assert titles(margaret, margaret.client_id) == ["Walk on Sunday"]
    leave_group(margaret.client_id, group)
    assert titles(margaret, margaret.client_id) == []
    with pytest.raises(NotFound):
        feed.open_item(margaret, margaret.client_id, item_id)


def test_a_withdrawn_or_draft_item_is_not_shown(personas: Personas) -> None:
    margaret = personas.client
    assert margaret.client_id
    item_id = link_item(personas.admin, "Withdrawn soon", everyone=True)
    link_item(personas.admin, "Still a draft", everyone=True, schedule=False)
    assert titles(margaret, margaret.client_id) == ["Withdrawn soon"]
    items.withdraw(personas.admin, item_id)
    assert titles(margaret, margaret.client_id) == []


def test_newest_first_new_until_opened_and_reach_counts_the_client_once(personas: Personas) -> None:
    margaret = personas.client
    assert margaret.client_id
    older = link_item(personas.admin, "Older", everyone=True, starts=datetime(2026, 11, 20, 9, 0))
    link_item(personas.admin, "Newer", everyone=True)

    def shown() -> list[tuple[str, bool]]:
        cards = feed.for_client(margaret, margaret.client_id or 0)
        return [(c.title, c.opened) for c in cards if c.title not in DEMO_NEWS]

    assert shown() == [("Newer", False), ("Older", False)]
    feed.open_item(margaret, margaret.client_id, older)
    feed.open_item(margaret, margaret.client_id, older)
    assert shown() == [("Newer", False), ("Older", True)]
    reach = items.reach(personas.admin, older)
    assert reach.opened == 1
    assert reach.openings[0].opens == 2
    assert reach.audience >= 2


def test_only_administrators_and_staff_with_the_communications_permission_publish(personas: Personas) -> None:
    for outsider in (personas.roster, personas.case_manager, personas.client, personas.worker):
        with pytest.raises(NotAllowed):
            link_item(outsider, "Not mine to publish", everyone=True)
    with pytest.raises(DomainError):
        invitations.set_communications(personas.admin, personas.client.account_id, True)
    invitations.set_communications(personas.admin, personas.roster.account_id, True)
    roster = auth.load_actor(personas.roster.account_id)
    assert roster is not None
    link_item(roster, "Roster news", everyone=True)
    invitations.set_communications(personas.admin, personas.roster.account_id, False)
    with pytest.raises(NotAllowed):
        link_item(auth.load_actor(personas.roster.account_id) or roster, "No longer", everyone=True)


def test_another_clients_feed_is_refused(personas: Personas) -> None:
    with pytest.raises(NotAllowed):
        feed.for_client(personas.client, personas.other_client.client_id or 0)
