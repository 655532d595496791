"""The statement's tables as one piece of HTML (components.data_table): the same table a screen
reader reads cell by cell, with every text escaped."""

from components import data_table
from domain.statements.wording import Row, Table

TABLE = Table(
    key="lines",
    title="Every line",
    headings=("Date", "What", "Amount"),
    numeric=(False, False, True),
    rows=(
        Row(("1 Oct", "Visit <b>& 'care'</b>", "$10.00")),
        Row(("Total", "", "$10.00"), strong=True),
    ),
)


def test_headings_have_their_scope_and_numbers_are_right_aligned() -> None:
    html = data_table.markup(TABLE, "table-lines")
    assert html.count('<th scope="col"') == 3
    assert html.count('<th scope="row">') == 2
    assert '<th scope="col" class="num">Amount</th>' in html
    assert '<td class="num" data-label="Amount">$10.00</td>' in html
    # below 1024 px each row is a card whose cells name their column (tables.css reads data-label)
    assert '<td data-label="What">Visit' in html
    assert 'class="table-scroll data-cards"' in html
    assert '<tr class="total"><th scope="row">Total</th>' in html
    assert 'role="region" tabindex="0" aria-labelledby="table-lines"' in html


def test_every_text_is_escaped() -> None:
    html = data_table.markup(TABLE, 'x" onmouseover="alert(1)')
    assert "<b>" not in html
    assert "Visit &lt;b&gt;&amp; 'care'&lt;/b&gt;" in html
    assert 'aria-labelledby="x&quot; onmouseover=&quot;alert(1)"' in html
