"""The agency's self-service settings, for administrators: lead times, how far ahead clients may
book, and each program's cancellation bands. A plain page; the full back office comes later."""

from nicegui import ui

from components import background, guard
from components.forms import submit
from components.nav import staff_sections
from components.text import heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.accounts.access import Actor
from domain.agency import editing
from domain.agency.editing import MEASURE_LABELS, RuleSettings, SettingsView


@guard.page(admits=access.SCREENS["/admin/settings"])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    current = await background.call(editing.current, actor)
    with (
        frame("Settings", viewer, nav=staff_sections(actor), current="/admin/settings"),
        ui.element("div").classes("stack"),
    ):
        _times(actor, current)
        for rule in current.rules:
            _rule(actor, rule)


def _number(label: str, value: int, mark: str) -> ui.number:
    return (
        ui.number(label, value=value, min=0, step=1, format="%d")
        .props("outlined")
        .classes("w-full")
        .mark(mark)
    )


def _times(actor: Actor, current: SettingsView) -> None:
    with ui.element("section").classes("card section").props('aria-labelledby="times-heading"'):
        heading("Lead times and booking horizon").props('id="times-heading"')
        paragraph(
            "Clients cannot book, or cancel online, with less notice than these; they are asked to call."
        )
        with ui.element("div").classes("form-grid"):
            fields = {
                "booking_lead_hours": _number(
                    "Booking lead time (hours)", current.times.booking_lead_hours, "booking-lead"
                ),
                "cancel_lead_hours": _number(
                    "Cancelling lead time (hours)", current.times.cancel_lead_hours, "cancel-lead"
                ),
                "booking_horizon_days": _number(
                    "Clients may book up to (days ahead)", current.times.booking_horizon_days, "horizon"
                ),
            }

        async def save() -> None:
            await submit(
                lambda: editing.update_times(actor, **{name: field.value for name, field in fields.items()}),
                fields,
                done="Lead times saved.",
            )

        ui.button("Save lead times", icon="save", on_click=save).props("unelevated color=primary").mark(
            "save-times"
        )


def _rule(actor: Actor, rule: RuleSettings) -> None:
    title = f"{rule.program}: " + (
        f"{rule.service_category.replace('_', ' ')} services" if rule.service_category else "all services"
    )
    anchor = f"rule-{rule.rule_id}"
    with ui.element("section").classes("card section").props(f'aria-labelledby="{anchor}"'):
        heading(f"Cancellation bands — {title}", 3).props(f'id="{anchor}"')
        with ui.element("div").classes("form-grid"):
            fields = {
                "notice_measure": ui.select(
                    {m.value: label for m, label in MEASURE_LABELS.items()},
                    value=rule.notice_measure.value,
                    label="Notice is counted in",
                )
                .props("outlined")
                .classes("w-full")
                .mark(f"{anchor}-measure"),
                "short_notice_threshold": _number(
                    "Short notice: less than", rule.short_notice_threshold, f"{anchor}-threshold"
                ),
                "no_notice_minutes": _number(
                    "No notice: less than (minutes)", rule.no_notice_minutes, f"{anchor}-no-notice"
                ),
                "short_notice_fee_pct": _number(
                    "Short-notice fee (% of price)", rule.short_notice_fee_pct, f"{anchor}-short-fee"
                ),
                "no_notice_fee_pct": _number(
                    "No-notice fee (% of price)", rule.no_notice_fee_pct, f"{anchor}-no-fee"
                ),
            }

        async def save() -> None:
            await submit(
                lambda: editing.update_rule(
                    actor, rule.rule_id, **{name: f.value for name, f in fields.items()}
                ),
                fields,
                done="Cancellation bands saved.",
            )

        ui.button("Save these bands", icon="save", on_click=save).props("unelevated color=primary").mark(
            f"{anchor}-save"
        )
