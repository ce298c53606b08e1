"""Text as HTML and XML accept it: shown as sent, or stored clean."""

from twente.core.text import FORBIDDEN, printable, storable


def test_printable_shows_each_forbidden_code_point_as_a_replacement_character():
    assert printable("a\x00b\x0bc\x7fd\x9ee\ufffff\U0010ffff") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffd"


def test_whitespace_and_ordinary_text_are_kept():
    text = "Tab\there,\nlines\r\nand Ünïcödé — € 5 ✓ 𝔘"
    assert printable(text) == storable(text) == text
    assert not FORBIDDEN.search(text)


def test_storable_turns_a_word_processors_line_break_into_a_newline_and_drops_the_rest():
    assert storable("Regel één\x0bregel twee\x0cdrie") == "Regel één\nregel twee\ndrie"
    assert storable("a\x01b\x1fc\x85d\ufdd0e") == "abcde"
