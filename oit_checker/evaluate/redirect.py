"""Sentences that send corruption complaints away (`Component.redirects`): a general grievance manual or a
petitions page that names corruption only to refuse it or to send the citizen to another body (ป.ป.ช., ป.ป.ท.,
ศูนย์ดำรงธรรม) does not handle it. Read per sentence, not per physical line: a PDF wraps "…ของเจ้าหน้าที่ไม่อยู่ในขอบเขต" /
"ของคู่มือนี้ ให้ส่งเรื่องไปยังสำนักงาน ป.ป.ช.…" over two lines (review61 c04), and a page writes "เรื่องร้องเรียนเกี่ยวกับ
การทุจริตของเจ้าหน้าที่ โปรดติดต่อ" over the bodies' lines (review61 d06)."""

from __future__ import annotations

import re

from oit_checker.text.thai import display, normalize

_CORRUPTION = re.compile(r"ทุจริต|ประพฤติ\s?มิชอบ|สินบน")
_OTHER_BODY = re.compile(r"ป\.\s?ป\.\s?[ชท]|ปปช|ปปท|ศูนย์\s?ดำรง\s?ธรรม")
# The agency refusing it: "ไม่อยู่ในขอบเขตของคู่มือนี้", "อบต.โคกสูงไม่มีอำนาจสอบสวน … อบต.จะไม่รับเรื่องดังกล่าวไว้พิจารณา"
# (review61 c05), "คู่มือนี้ไม่ครอบคลุม…", "ไม่รวมถึง…"
_REFUSAL = re.compile(r"ไม่\s?อยู่\s?ใน\s?ขอบเขต|อยู่\s?นอก\s?ขอบเขต|ไม่\s?มี\s?อำนาจ|ไม่\s?รับ\s?(?:เรื่อง|พิจารณา|ไว้)"
                      r"|ไม่\s?ครอบคลุม|ไม่\s?รวม\s?ถึง")
# …or sending the citizen there: "โปรดติดต่อ", "ผู้ร้องต้องติดต่อ", "ให้ส่งเรื่องไปยัง", "ให้ร้องเรียนไปยัง", "ร้องเรียนโดยตรง
# ต่อ"; not offered as one more way ("ผู้ร้องยังสามารถร้องเรียนโดยตรงต่อสำนักงาน ป.ป.ช. … ได้", "หรือร้องเรียนโดยตรงต่อ
# ป.ป.ช.", "ผู้ร้องอาจแจ้งโดยตรงต่อ ป.ป.ท.": review61 c01, c02, c06, c08)
# The one ordered may be named, and sent on: "ให้ผู้ร้องไปติดต่อที่ศูนย์ดำรงธรรมอำเภอภูเวียง" (review65 f02)
_ORDER = re.compile(r"(?<!สามารถ)(?<!สามารถ )(?<!หรือ)(?<!หรือ )(?<!อาจ)(?<!อาจ )"
                    r"(?:(?:โปรด|กรุณา|ต้อง|ขอให้|ให้)\s?(?:(?:ผู้ร้อง(?:เรียน)?|ท่าน|ประชาชน|ผู้แจ้ง)\s?)?(?:ไป\s?)?"
                    r"(?:ติดต่อ|ส่ง\s?เรื่อง|ยื่น|ร้องเรียน|แจ้ง)"
                    r"|ร้องเรียน\s?โดยตรง\s?ต่อ)")
# …or naming corruption as a case apart and the other body as where it "can" go, with no place of the agency's own:
# "สำหรับเรื่องร้องเรียนเกี่ยวกับการทุจริตของเจ้าหน้าที่ ท่านสามารถแจ้งได้ที่ศูนย์ดำรงธรรมอำเภอภูเวียง หรือสำนักงาน ป.ป.ช.…"
# in a general grievance manual is the only way it gives (review65 e02); not "ผู้ร้องยังสามารถ…" (one more way, review61
# c02), nor "…แจ้งได้ที่ศูนย์ดำรงธรรม อบต.โคกสูง" (the agency's own centre of that name, review36 a12)
_CASE_APART = re.compile(r"(?:สำหรับ|กรณี|ส่วน|หาก|ถ้า)[^\n]{0,60}?(?:ทุจริต|ประพฤติ\s?มิชอบ|สินบน)")
_ONLY_THERE = re.compile(r"(?<!ยัง)(?<!ยัง )(?<!ก็)(?<!ก็ )สามารถ\s?(?:ไป\s?)?(?:แจ้ง|ติดต่อ|ร้องเรียน|ยื่น)(?:\s?เรื่อง)?"
                         r"(?:\s?ร้องเรียน)?\s?(?:ได้\s?)?(?:ที่|ไปยัง|ต่อ)\s?(?:สำนักงาน\s?)?"
                         r"(?=ป\.\s?ป\.\s?[ชท]|ปปช|ปปท|ศูนย์\s?ดำรง\s?ธรรม)")
# after it: a place of the agency's own ("ศูนย์ดำรงธรรม อบต.โคกสูง", "…หรือ เทศบาลตำบล…"), or "…ก็ได้" (either way)
_NOT_ONLY = re.compile(r"อบต|อบจ|ทต\.|ทม\.|ทน\.|เทศบาล|องค์การ\s?บริหาร\s?ส่วน|ก็\s?ได้")
_ALTERNATIVE = re.compile(r"อีก\s?(?:ทาง|ช่องทาง)\s?หนึ่ง")
# The executives as the accused (normalized): "กรณีร้องเรียนกล่าวหานายก อบต. ว่าทุจริต ให้ส่งเรื่องไปยังสำนักงาน ป.ป.ช." is the
# NACC's by law, not corruption left out (as `item._ACCUSED` reads a doubting wording)
_EXECUTIVES = re.compile(r"(?:ผู้ถูก(?:กล่าวหา|ร้องเรียน)(?:เป็น|คือ)?|กล่าวหา|ร้องเรียน(?:กล่าวหา)?"
                         r"|(?:ทุจริต|ประพฤติมิชอบ)(?:ของ|โดย))(?:ตัว)?(?:นายก|รองนายก|ผู้บริหาร|ผู้บังคับบัญชาสูงสุด)"
                         r"|(?:นายก|รองนายก|ผู้บริหาร).{0,20}?ถูก(?:กล่าวหา|ร้องเรียน)")
# A line ending on the verb whose object is on the next lines: "…โปรดติดต่อ", "…ติดต่อได้ที่", "…ไปยัง"
_OPEN_END = re.compile(r"(?:ติดต่อ|ได้ที่|ไปยัง|ดังนี้|ต่อ)\s*[:：]?\s*$")
# A line starting a new paragraph: a number "๓.", "(๒)", "2)", a bullet
_NEW_ITEM = re.compile(r"^\s*(?:[(\[]?[\d๐-๙]{1,2}[.)\]]|[-–•●▪○*])")
_WRAPPED = 0.7  # of a PDF page's longest line: a line this long runs on into the next
_REACH = 4  # lines a sentence runs on for at most


def redirect_lines(page: str, wrapped: bool) -> list[tuple[int, int, str]]:
    """The line ranges [a, b) of a page's sentences that name corruption and another body and refuse it or send the
    citizen there, each with the wording that does (`wrapped`: a PDF's page, whose long lines run on into the next);
    [] for most pages."""
    if _OTHER_BODY.search(page) is None or _CORRUPTION.search(page) is None:
        return []
    out: list[tuple[int, int, str]] = []
    for a, b, sentence in _sentences(page, wrapped):
        if _OTHER_BODY.search(sentence) is None or _EXECUTIVES.search(normalize(sentence)) is not None:
            continue
        said = _REFUSAL.search(sentence)
        if said is None and _ALTERNATIVE.search(sentence) is None:
            said = _ORDER.search(sentence) or _only_there(sentence)
        if said is not None:
            out.append((a, b, said.group()))
    return out


# Telling where corruption is reported, to the agency or to another body, after naming it: "หมายเหตุ : หากพบเห็น
# เจ้าหน้าที่ทุจริตหรือประพฤติมิชอบ แจ้งได้ที่ศูนย์รับเรื่องร้องเรียน สำนักปลัดเทศบาล โทร. …" under statistics of street lights
# and roads (review69 d07), "กรณีร้องเรียนเจ้าหน้าที่ทุจริต ให้แจ้งที่…" (its probe p9), "ช่องทางแจ้งเบาะแสการทุจริต : …" (p5),
# "…แจ้งได้ที่เมนู "ร้องเรียนการทุจริต"" (review21 s03); not "เรื่องร้องเรียนที่ได้รับ"
_POINTER = re.compile(r"(?:แจ้ง|ติดต่อ|ร้องเรียน|ยื่น)(?:\s?เรื่อง)?(?:\s?(?:ร้องเรียน|เบาะแส))?\s?"
                      r"(?:ได้\s?(?:ที่|ทาง|ผ่าน|ตาม)|ที่(?!ได้|เกี่ยว|มี|เข้า|ผ่าน)|ไปยัง)"
                      r"|ช่องทาง\s?(?:การ\s?)?(?:แจ้ง|ร้องเรียน|รับ)|โปรด\s?(?:ใช้|แจ้ง|ติดต่อ)|เมนู")
# …while the figures are told by a count ("๒ เรื่อง", "| ๐ |") or a nil statement ("ไม่มีเรื่องร้องเรียนการทุจริต…")
_FIGURES = re.compile(r"[\d๐-๙]+\s*(?:เรื่อง|ราย|กรณี|ครั้ง)|\|\s*[\d๐-๙]|(?:ไม่มี|ไม่พบ|ไม่ปรากฏ|ไม่ได้รับ)\S{0,12}ร้องเรียน"
                      r"|สถิติ")


def pointer_lines(page: str, wrapped: bool) -> list[tuple[int, int]]:
    """The line ranges [a, b) of a page's sentences that tell where corruption is reported (`_POINTER` after the
    corruption word), holding no figures (`_FIGURES`), and those sending it away (`redirect_lines`): for a report of
    corruption complaints' figures they are no part of the figures (`Redirects.POINTERS`)."""
    if _CORRUPTION.search(page) is None:
        return []
    out = [(a, b) for a, b, _said in redirect_lines(page, wrapped)]
    for a, b, sentence in _sentences(page, wrapped):
        named = _CORRUPTION.search(sentence)
        if (named is not None and _POINTER.search(sentence, named.end()) is not None
                and _FIGURES.search(sentence) is None):
            out.append((a, b))
    return sorted(set(out))


def _sentences(page: str, wrapped: bool) -> list[tuple[int, int, str]]:
    """Each line naming corruption with the lines its sentence runs over: [a, b) and their text joined."""
    lines = [display(line) for line in page.split("\n")]
    longest = max((len(t) for t in lines), default=0)
    out: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        if _CORRUPTION.search(line) is None:
            continue
        a = i
        while a > 0 and i - a < _REACH and _runs_on(lines[a - 1], lines[a], wrapped, longest):
            a -= 1
        b = i + 1
        while b < len(lines) and b - i < _REACH and _runs_on(lines[b - 1], lines[b], wrapped, longest):
            b += 1
        out.append((a, b, " ".join(lines[a:b])))
    return out


def _only_there(sentence: str) -> re.Match[str] | None:
    """"สำหรับ…ทุจริต… ท่านสามารถแจ้งได้ที่ <another body>" with no place of the agency's own after it (`_ONLY_THERE`)."""
    case = _CASE_APART.search(sentence)
    if case is None:
        return None
    there = _ONLY_THERE.search(sentence, case.end())
    if there is None or _NOT_ONLY.search(sentence, there.end()) is not None:
        return None
    return there


def _runs_on(line: str, following: str, wrapped: bool, longest: int) -> bool:
    """Whether `following` continues the sentence of `line`."""
    if not following.strip() or _NEW_ITEM.match(following) is not None:
        return False
    if _OPEN_END.search(line) is not None:
        return True
    return wrapped and len(line) >= _WRAPPED * longest
