from src.ui.widgets.column_fit import fit_widths


def test_every_column_gets_its_text_and_the_stretching_ones_share_the_room_left() -> None:
    # name wants 260, category 150, cost (fixed) 80: 490 of 690 px, 200 left for the two
    widths = fit_widths([200, 120, 80], [90, 90, 60], [260, 150, 80], [True, True, False], 690)
    assert widths == [260 + 200 * 260 // 410, 150 + 200 * 150 // 410, 80]
    assert sum(widths) <= 690


def test_when_text_does_not_fit_each_column_gets_the_same_share_of_its_extra() -> None:
    # declared 400 of 500 px: 100 px shared over 200 px of wanted extra, half each
    assert fit_widths([200, 120, 80], [90, 90, 60], [300, 200, 100], [True, True, False], 500) == [
        250, 160, 90,
    ]  # fmt: skip


def test_too_narrow_a_list_keeps_the_declared_widths() -> None:
    assert fit_widths([200, 120], [90, 90], [300, 200], [True, True], 250) == [200, 120]


def test_no_stretching_column_leaves_the_room_unused() -> None:
    assert fit_widths([90, 90], [60, 60], [100, 90], [False, False], 400) == [100, 90]


def test_a_heading_wider_than_its_declared_width_is_never_cut() -> None:
    # "Remaining" needs 105 px over a declared 90: it keeps 105 even when nothing fits
    assert fit_widths([200, 90], [80, 105], [260, 105], [True, False], 250) == [200, 105]
    # and with room for the least widths, the text shares what is left
    assert fit_widths([200, 90], [80, 105], [260, 105], [True, False], 335) == [230, 105]
