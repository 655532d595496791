"""Accounts, for administrators: who can sign in, who has not set a password yet, who is locked out;
invite a new person (they choose their password from the e-mailed link), send a new link, unlock."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from nicegui import ui

import config
from components import background, guard, pager, toast
from components.forms import submit, text_input
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access, invitations, second_factor, sessions
from domain.accounts.access import Actor
from domain.accounts.invitations import ROLE_NAMES, AccountLine, NewAccount
from domain.vocabulary import Role


@dataclass
class Listing:
    """This tab's search and the page it shows (per client: it lives inside the page function)."""

    search: str
    page: invitations.AccountPage


@guard.page(admits=access.SCREENS["/admin/accounts"])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(invitations.accounts, actor)
    with (
        frame("Accounts", viewer, nav=staff_sections(actor), current="/admin/accounts"),
        ui.element("div").classes("stack"),
    ):
        invite_section = ui.element("div").classes("w-full")
        refresh = _listing(actor, first)
        with invite_section:  # shown first: inviting is what the page is opened for
            _invite_form(actor, refresh)


Refresh = Callable[[], Awaitable[None]]


def _listing(actor: Actor, first: invitations.AccountPage) -> Refresh:
    """The paged, searchable list; returns the function that reloads the page shown."""
    state = Listing(search="", page=first)

    @ui.refreshable
    def show() -> None:
        found = state.page
        with ui.element("ul").classes("plain-list").props('aria-label="Accounts"'):
            for line in found.lines:
                _line(actor, line, refresh)
        pager.create(found.page, found.pages, found.total, go, what="accounts")

    async def go(page: int) -> None:
        state.page = await background.call(invitations.accounts, actor, state.search, page)
        show.refresh()

    async def refresh() -> None:
        await go(state.page.page)

    async def search(value: str) -> None:
        state.search = value
        await go(1)

    with ui.element("section").classes("card section").props('aria-labelledby="accounts-heading"'):
        heading("Who can sign in").props('id="accounts-heading"')
        box = text_input("Find by name or e-mail", mark="account-search")
        box.on("keydown.enter", lambda: search(box.value or ""))
        ui.button("Find", icon="search", on_click=lambda: search(box.value or "")).props("outline").mark(
            "account-find"
        )
        show()
    return refresh


def _line(actor: Actor, line: AccountLine, refresh: Refresh) -> None:
    link_base = config.public_url()

    async def new_link() -> None:
        await submit(
            lambda: invitations.send_new_link(actor, line.account_id, link_base),
            done=f"A new link is on its way to {line.email}.",
        )
        await refresh()

    async def unlock() -> None:
        await submit(
            lambda: invitations.unlock(actor, line.account_id), done=f"{line.name} can sign in again."
        )
        await refresh()

    async def sign_out_everywhere() -> None:
        await submit(
            lambda: sessions.sign_out_everywhere(actor, line.account_id),
            done=f"{line.name} is signed out on every device and app.",
        )

    async def reset_two_factor() -> None:
        await submit(
            lambda: second_factor.reset(actor, line.account_id),
            done=f"{line.name} sets up two-step sign-in again at their next sign-in.",
        )
        await refresh()

    with ui.element("li").classes("account-line"):
        Text(line.name, tag="p").classes("text-bold q-ma-none")
        Text(f"{line.role} · {line.email}", tag="p").classes("q-ma-none")
        Text(line.state, tag="p").classes("q-ma-none")
        with ui.row().classes("gap-2 q-mt-sm"):
            ui.button("Send a new link", icon="forward_to_inbox", on_click=new_link).props(
                f'outline aria-label="Send a new link to {line.name}"'
            ).mark(f"new-link-{line.account_id}")
            if line.communications is not None:
                ui.switch(
                    "May publish news to clients",
                    value=line.communications,
                    on_change=lambda e: submit(
                        lambda: invitations.set_communications(actor, line.account_id, bool(e.value)),
                        done="Saved.",
                    ),
                ).mark(f"communications-{line.account_id}")
            if line.state.startswith("Locked"):
                ui.button("Unlock", icon="lock_open", on_click=unlock).props(
                    f'outline aria-label="Unlock {line.name}"'
                ).mark(f"unlock-{line.account_id}")
            ui.button("Sign out everywhere", icon="logout", on_click=sign_out_everywhere).props(
                f'outline aria-label="Sign out everywhere: {line.name}"'
            ).mark(f"sign-out-everywhere-{line.account_id}")
            if line.two_factor and line.account_id != actor.account_id:
                ui.button("Reset two-step sign-in", icon="phonelink_erase", on_click=reset_two_factor).props(
                    f'outline aria-label="Reset two-step sign-in of {line.name} (a lost phone)"'
                ).mark(f"reset-two-factor-{line.account_id}")


def _invite_form(actor: Actor, refresh: Refresh) -> None:
    with ui.element("section").classes("card section").props('aria-labelledby="invite-heading"'):
        heading("Invite someone").props('id="invite-heading"')
        paragraph("They get an e-mail with a link to choose their password. The link works once, for 7 days.")
        role = ui.select({r.value: ROLE_NAMES[r] for r in Role}, label="Their role", value=Role.CLIENT.value)
        role.props("outlined").classes("w-full").mark("invite-role")
        fields = {
            "display_name": text_input("Full name", autocomplete="name", mark="invite-name"),
            "email": text_input("E-mail", kind="email", autocomplete="email", mark="invite-email"),
            "client_number": text_input("Client number (for a client), e.g. C00001", mark="invite-client"),
            "staff_number": text_input(
                "Staff number (for a support worker), e.g. W00001", mark="invite-staff"
            ),
            "carer_of": text_input(
                "Client numbers they care for (for a carer), separated by commas", mark="invite-carer-of"
            ),
        }
        fields["client_number"].bind_visibility_from(role, "value", value=Role.CLIENT.value)
        fields["staff_number"].bind_visibility_from(role, "value", value=Role.WORKER.value)
        fields["carer_of"].bind_visibility_from(role, "value", value=Role.CARER.value)

        async def send() -> None:
            new = NewAccount(
                role=Role(role.value),
                display_name=fields["display_name"].value or "",
                email=fields["email"].value or "",
                client_number=fields["client_number"].value or "",
                staff_number=fields["staff_number"].value or "",
                carer_of=tuple((fields["carer_of"].value or "").split(",")),
            )
            link_base = config.public_url()
            made = await submit(lambda: invitations.invite(actor, new, link_base), fields)
            if made is not None:
                toast.show(f"Invitation sent to {new.email.strip()}.")
                for field in fields.values():
                    field.value = ""
                await refresh()

        ui.button("Send the invitation", icon="send", on_click=send).props("unelevated color=primary").mark(
            "invite-send"
        )
