"""Text in the right HTML element (headings, paragraphs), always as text, never as HTML."""

from nicegui.elements.mixins.text_element import TextElement


class Text(TextElement):
    """Text in any inline or block element: `Text("Profile", tag="h1")`."""

    def __init__(self, text: str = "", *, tag: str = "p") -> None:
        super().__init__(tag=tag, text=text)


def heading(text: str, level: int = 2) -> Text:
    return Text(text, tag=f"h{level}").classes(f"heading-{level}")


def paragraph(text: str) -> Text:
    return Text(text, tag="p")
