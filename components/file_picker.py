"""A button that opens the device's file chooser, and the hidden upload it drives (Quasar's own
upload box is small and wordy; a clear button is what an older person can hit). Every upload of
the portal goes through here: photos, pictures, evidence files and import sheets."""

from collections.abc import Awaitable, Callable

from nicegui import events, ui

from domain.language import _

PICTURES = ".jpg,.jpeg,.png,image/jpeg,image/png"


def create(
    label: str,
    icon: str,
    *,
    accept: str,
    max_bytes: int,
    on_upload: Callable[[events.UploadEventArguments], Awaitable[None]],
    on_rejected: Callable[[], None],
    mark: str,
) -> tuple[ui.upload, ui.button]:
    """The upload (marked `mark`, reset by the caller once it has read the file) and its button."""
    uploader = (
        ui.upload(auto_upload=True, max_file_size=max_bytes, on_upload=on_upload, on_rejected=on_rejected)
        .props(f'accept="{accept}"')
        .classes("hidden")
        .mark(mark)
    )
    button = ui.button(label, icon=icon, on_click=lambda: uploader.run_method("pickFiles"))
    return uploader, button


def portrait(url: str, name: str) -> ui.refreshable:
    """A person's photo (or a placeholder saying there is none), drawn again with a new media id
    after an upload so the browser does not keep the old one."""

    @ui.refreshable
    def picture(photo_id: int | None) -> None:
        # The name goes in as a value, not through the props string, so an apostrophe cannot break it.
        if photo_id is None:
            icon = ui.icon("account_box", size="160px").classes("text-grey-8")
            icon.props.update({"role": "img", "aria-label": _("No photo of {name} yet").format(name=name)})
        else:
            image = ui.element("img").classes("portrait")
            image.props.update({"src": f"{url}?v={photo_id}", "alt": _("Photo of {name}").format(name=name)})

    return picture
