"""The rule catalogue as data: statuses, confidence marks, fiscal-year rules, components, items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    REVIEW = "review"
    ERROR = "error"


class Confidence(StrEnum):
    """How sure the rule itself is (how well the criteria fact is sourced; rules/README.md), not how sure the
    match is."""

    CONFIRMED = "confirmed"
    ONE_SOURCE = "one_source"
    SEED = "seed"
    INFERRED = "inferred"
    UNKNOWN = "unknown"

    @property
    def is_guess(self) -> bool:
        """An inferred or unknown rule: a verdict resting on it must say so."""
        return self in (Confidence.INFERRED, Confidence.UNKNOWN)


class FiscalYearRule(StrEnum):
    NONE = "none"
    CURRENT = "current"
    PREVIOUS = "previous"
    FIRST_HALF_CURRENT = "first_half_current"
    COVERS_CURRENT = "covers_current"

    def data_year(self, fiscal_year: int) -> int:
        """The fiscal year the item's documents must be of when `fiscal_year` is assessed."""
        return fiscal_year - 1 if self is FiscalYearRule.PREVIOUS else fiscal_year


# In a component's pattern, the year after the one the item's documents must be of, written as the documents write
# it once read (Arabic digits, BE): a report on fiscal year 2568 that gives "แนวทางในปีงบประมาณ 2569" names next
# year's course; the same words with its own year name the course it followed. Bound when an item is evaluated
# (`Item.for_fiscal_year`); unbound, it matches nothing a document holds.
NEXT_YEAR = "{next_year}"
# …and the BE years the fiscal year the documents must be of runs over, as its dates write them, in full or short: for
# fiscal year 2569 (1 Oct 2568 – 30 Sep 2569) "(?:2568|2569|68|69)" — "ดำเนินการแล้ว ๕ ธ.ค. ๖๘" in the 2569 measures is
# their implementation, "ดำเนินการแล้ว ๖ ธ.ค. ๖๗" the year before's (review65 p01, p02). Bound with `NEXT_YEAR`.
OWN_YEARS = "{own_years}"


def bind_years(pattern: str, next_year: int) -> str:
    """`pattern` with `NEXT_YEAR` and `OWN_YEARS` bound for the documents' fiscal year `next_year - 1`."""
    own = next_year - 1
    years = f"(?:{own - 1}|{own}|{(own - 1) % 100:02d}|{own % 100:02d})"
    return pattern.replace(NEXT_YEAR, str(next_year)).replace(OWN_YEARS, years)


# ---------------------------------------------------------------- catalogue


class ComponentKind(StrEnum):
    """What kind of evidence a component asks for, which decides where its wording may be found.

    content: the document must show it in its body; the item's own title copied into the document is no
             evidence ("ผลการดำเนินงาน" inside "รายงานผลการดำเนินงาน…" is no result).
    scope:   what the document is about (its subject or scope): the document's copy of the item title is
             valid evidence ("…เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in a guideline's title line).
    signed:  a signature block near the end of the announcement: a name in parentheses, then a position that
             is one of the component's phrases. A position named in the body is no signature.
    """

    CONTENT = "content"
    SCOPE = "scope"
    SIGNED = "signed"


class MatcherKind(StrEnum):
    """Structural forms of evidence beyond a phrase or a pattern (see rules/README.md, "Matchers").

    column: a table column: one of `headers`, then at least `min_values` values of the `values` kind after it
            (within `window` characters), optionally only where one of `beside` heads a neighbouring column.
    rows:   a table of figures: at least `min_rows` lines whose label is followed by at least `min_values`
            values of the `values` kind and nothing else, under a header line naming one of `headers`.
    """

    COLUMN = "column"
    ROWS = "rows"


class ValueKind(StrEnum):
    """What the cells under a matcher's header hold."""

    COUNT = "count"  # a whole number (12, 1,250), not an amount of money, a time, a year or a date
    MONEY = "money"  # an amount of money: 4,800.00 · 4,800 บาท
    MONTH = "month"  # a month: ต.ค. 67 · ตุลาคม 2567 · ม.ค.
    MONTH_RANGE = "month_range"  # a span of months: ต.ค. 67 – มี.ค. 68


class Redirects(StrEnum):
    """What a sentence sending corruption complaints to another body does to a component's hit (`Component.redirects`,
    evaluate/redirect.py)."""

    READ = ""  # read as any sentence
    NOT_COUNTED = "not_counted"  # gives no evidence (a guideline's scope)
    DOUBTED = "doubted"  # puts the component in doubt: component_doubted (a page of channels)
    # gives no evidence, nor does any sentence telling where corruption is reported, to the agency or elsewhere
    # ("หมายเหตุ : หากพบเห็นเจ้าหน้าที่ทุจริต… แจ้งได้ที่…": `redirect.pointer_lines`): the complaints' figures, whose
    # corruption is told by their title, headings, rows or a nil statement (review69 d07)
    POINTERS = "pointers"


@dataclass(frozen=True)
class Matcher:
    """One structural matcher of a component (a kind of `MatcherKind`); its fields are data in the catalogue."""

    kind: MatcherKind
    values: ValueKind
    headers: tuple[str, ...] = ()
    beside: tuple[str, ...] = ()  # column: a phrase that must head a column next to it (within 150 characters)
    min_values: int = 3
    min_rows: int = 3  # rows only
    window: int = 600  # column only: display characters after the header searched for values


EACH_OF_MIN = 3  # entries (executives) from which few contacts for all of them read as the office's lines


@dataclass(frozen=True)
class Component:
    """One thing a document must show; any one of `phrases` (normalized), `patterns` or `matchers` evidences it
    (for a `signed` component: a signature block whose position is one of `phrases`)."""

    id: str
    label_th: str
    label_en: str
    phrases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()
    confidence: Confidence = Confidence.INFERRED
    required: bool = True
    # Carried over from another year's form (2568's procurement workbook columns in 2569's monthly summary): when
    # missing, a person looks (missing_component at review), since whether this year asks for it is not known.
    carried_over: bool = False
    kind: ComponentKind = ComponentKind.CONTENT
    matchers: tuple[Matcher, ...] = ()
    # Often drawn in a picture rather than written (an organisation chart's units and positions): missing from
    # the text of a page that shows a picture in its content, it is for a person to look, not a gap.
    in_image: bool = False
    # Wordings inside which a phrase or pattern of the component is no evidence, found however the text is
    # spaced and, for damaged text, marks-insensitively: a campaign slogan ("ไม่ทนต่อการทุจริต") is no subject, a
    # plan's forecast column ("ผลที่ได้รับ (คาดการณ์)") no result.
    not_within: tuple[str, ...] = ()
    # Words naming other bodies (ป.ป.ช., ศูนย์ดำรงธรรม, สตง.): on a line that names one and not the agency's place, the
    # component does not count — a national hotline or another office's telephone is no channel of the agency's.
    not_on_lines_of: tuple[str, ...] = ()
    # A scope about corruption: a sentence (a PDF's wrapped lines joined) naming corruption and another body (ป.ป.ช.,
    # ป.ป.ท., ศูนย์ดำรงธรรม) that refuses it or sends the citizen there ("…ไม่อยู่ในขอบเขตของคู่มือนี้ ให้ส่งเรื่องไปยัง
    # สำนักงาน ป.ป.ช.…", "…โปรดติดต่อ สำนักงาน ป.ป.ช.…": evaluate/redirect.py) gives no evidence ("not_counted": a
    # guideline's scope), or puts the component in doubt ("doubted": `component_doubted`, a page of channels); "": read
    # as any sentence.
    redirects: Redirects = Redirects.READ
    # Wordings that, in the documents where the component was found, say the evidence is not what it seems: a
    # page headed "E-Service" whose forms are to be printed and "นำมายื่นด้วยตนเอง" offers no service online. The
    # component then stands only for a person to confirm (`component_doubted`, review), quoting both.
    doubted_by: tuple[str, ...] = ()
    # Patterns of an activity told as held ("…จัดโครงการอบรมคุณธรรมจริยธรรม … มีผู้เข้าร่วม ๓๔ คน"): a document in which
    # one matches is not put in doubt by `doubted_by`'s wordings of one to come ("ครั้งที่ ๒ กำหนดจัดกิจกรรม…"): one held
    # activity is enough (review65 j01).
    held_by: tuple[re.Pattern[str], ...] = ()
    # The id of the item's component that lists entries (the executives' names): this one, a contact (phone
    # numbers, e-mail addresses), is wanted for each of them. No more values than half the entries, from
    # `EACH_OF_MIN` entries, are the office's lines, not each one's: `one_for_all` (review).
    each_of: str = ""
    # Patterns of what the component must state, somewhere in the documents read for the item, beyond naming
    # it: a fee's amount or "ไม่มี"/"ฟรี", the documents' names. A step "ชำระค่าธรรมเนียมและรับใบอนุญาต" names a
    # fee and says nothing of it; with none of these found the component stands only for a person to confirm
    # (`component_not_stated`, review), quoting where it was named.
    stated_by: tuple[re.Pattern[str], ...] = ()
    # Named but said to be none, by the `stated_by` patterns ("E-mail : -", "อีเมล : ไม่มี", "อีเมล : อยู่ระหว่างการขอใช้
    # บริการ", a bare "E-mail :" before the next label): the page itself says it has none, a missing part
    # (`component_said_none`, fail) as on a page that never names it, not one for a person to confirm.
    none_is_missing: bool = False
    # The id of the item's component that must stand beside this one's wording (the executives' names): a hit
    # counts only on a line holding that component's wording, or on a short line next to one ("นายกเทศมนตรี" under
    # "นายสมชาย ใจดี"). A sentence on what the council checks, "…การบริหารงานของนายกเทศมนตรีและรองนายกเทศมนตรี",
    # names no executive.
    next_to: str = ""
    # Wordings of posts of another kind under the item's name (procurement notices in a news category), for a
    # component whose patterns find a list's posts (their dates): when at least three quarters of the posts' title
    # and text lines hold one, the list stands for a person to confirm (`posts_other_kind`, review;
    # evaluate/posts.py).
    posts_not: tuple[str, ...] = ()
    # Patterns of a post that passes on another body's notice ("ประชาสัมพันธ์ สำนักงานสรรพากร…", "ตามหนังสือกรม…",
    # "สัสดีอำเภอ…แจ้ง…"): its lines count as of another kind as `posts_not`'s do; when they are the most of those,
    # the reason is `posts_relayed` (review): the agency's news is its own work.
    posts_relayed: tuple[re.Pattern[str], ...] = ()
    # How often a scope component must be named in the item's own documents (titles included, the pages that only
    # link them not): a general risk plan naming corruption once, in its objective ("…รวมถึงการทุจริตที่อาจเกิดขึ้น"),
    # is no corruption-risk assessment. Named fewer times, it stands for a person to confirm (`component_few_mentions`,
    # review).
    min_mentions: int = 1
    # For a local government (its name: องค์การบริหารส่วน…, เทศบาล…, อบต./อบจ., เมืองพัทยา, กรุงเทพมหานคร), only these
    # phrases count, in place of `phrases` and `patterns`: its executives are the elected นายก and รองนายก, while a
    # ministry's office is headed by its "หัวหน้าส่วนราชการ" and "รองผู้อำนวยการ"; a local government's page of only
    # the ปลัด, the รองปลัด and its division heads shows no executive. Empty: the same for every agency.
    local_phrases: tuple[str, ...] = ()
    # For an agency known not to be a local government (a provincial office of a department, a ministry's office),
    # these phrases count too, beside `phrases` and `patterns`: a provincial office's second tier is its "หัวหน้า
    # กลุ่มงาน…" and "หัวหน้าฝ่ายบริหารงานทั่วไป", titles a local government's division heads bear too (not read when
    # the agency is not known). Empty: none.
    office_phrases: tuple[str, ...] = ()
    # Asked of a local government only (its council and its elected executives): for an agency known not to be one,
    # the component is not required (reported when found). False: asked of every agency.
    local_only: bool = False
    # Words that count only where they stand as a heading or a row's label, on the lines of the page's text: a line of
    # their own (numbered or bulleted, a colon after), or a line's start before ":", "|" or a run-in text of the
    # section ("ความท้าทาย อัตรากำลังกองช่างยังว่าง ๒ ตำแหน่ง"), with something written under or after them
    # (evaluate/headings.py). In running text ("…มีข้อจำกัดด้านงบประมาณ…") they say nothing.
    headings: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvidenceRule:
    """What the evidence itself must look like, beyond its wording."""

    min_chars: int = 300  # normalized characters beyond the title block; less, with no component → cover_only
    min_pages: int = 1  # for paged documents (PDF): fewer pages only add a note (few_pages), never a verdict
    own_site: bool = True  # a URL off the agency's own site is reported as off_site
    max_urls: int = 5
    # Words at the head of a document that make it a part of the item's document, not the document itself
    # ("เพิ่มเติม ครั้งที่" of a plan's amendment): every document so headed → partial_document (review).
    partial_titles: tuple[str, ...] = ()
    # Whether the text of a page's web forms counts as evidence. A contact page that is only a form ("ที่อยู่ของท่าน",
    # "อีเมล") names the visitor's details, not the agency's: false for the contact item.
    forms_count: bool = True
    # Whether a submitted page's site footer (`Document.footer`, which the page's text leaves out as chrome) is read
    # for a part its content lacks: agencies put their address, telephones and e-mail there, and a home page given
    # for the contact item shows them there. True for the contact item; a part found only there is said so
    # (`component_in_footer`, a remark).
    footer_counts: bool = False
    # What shows the service can be used online on the pages read (the E-Service item): words of a link's URL
    # ("forms.gle", "eservice") or of its text ("ยื่นคำร้อง"), a link to a document (a form to print) aside; a
    # visitor form on the page counts too. A page naming the service with none of them ("E-Service" over an office's
    # telephone) → `no_online_channel` (review). Empty: not checked.
    online_channel: tuple[str, ...] = ()
    # Whether an order appointing a committee ("คำสั่ง… เรื่อง แต่งตั้งคณะทำงาน…") may stand for the item's document.
    # It names the group's tasks, which are the parts of an assessment, plan or report: false for those items (an
    # item whose every document is such an order → appointment_order_only, review).
    orders_count: bool = True
    # Whether the activity's own date ("เมื่อวันที่ 21 มิถุนายน 2567", "ระหว่างวันที่ 9 – 17 ธันวาคม 2567") decides its
    # fiscal year, not the day it was posted nor the budget it discussed: every such date earlier than the fiscal
    # year → activity_date_earlier (review).
    event_dated: bool = False
    # Whether the evidence is a list of dated entries (the news page's posts, the month's procurements): their dates
    # decide its fiscal year, over the years their words name ("…งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569" debated in
    # August 2568; "ข้อบัญญัติงบประมาณ… พ.ศ. 2568 (กันเงินเหลื่อมปี)", the budget October's contracts are paid from)
    # and a category's calendar year ("ข่าวประชาสัมพันธ์ประจำปี 2568" above posts of October to December 2568).
    posts_dated: bool = False
    # Whether the evidence goes month by month over the first half of the fiscal year (the monthly procurement
    # summary): every month due by the day of the check (the month after it has ended) must be named, a month
    # without purchases as such; one left out → months_missing (review, evaluate/months.py).
    monthly: bool = False
    # The words one of a risk table's rows must hold for the table to assess the item's risks (the corruption-risk
    # item: "ทุจริต", "อนุมัติ", "ใช้อำนาจ", "จัดซื้อ" …): tables whose every row is about something else (floods, an IT
    # outage) → risks_off_subject (review, evaluate/risks.py). Empty: not read.
    risks_about: tuple[str, ...] = ()
    # The work where such risks lie ("อนุมัติ", "จัดซื้อ", "ครุภัณฑ์" …): a row naming it counts too, unless it holds one of
    # `risks_failures`, the words of a failure of the work itself ("ล่าช้า", "ขัดข้อง", "อุทกภัย" …): a permit issued
    # late, the e-GP system down, equipment flooded are no corruption risks.
    risks_areas: tuple[str, ...] = ()
    risks_failures: tuple[str, ...] = ()
    # Whether only the agency's own document can be the evidence (its complaint statistics, its own No Gift
    # declaration): one headed by a ministry, department, province or district office that never names the agency (a
    # province's complaint centre's figures, the district's announcement) is `other_body_document` (fail), where for
    # other items a parent's document may hold the agency's part and goes to a person (`another_agency_document`).
    own_only: bool = False
    # Whether the item asks for a report on the agency's work as a whole (the year's performance report): every
    # document that gave a part headed as the report of one project ("รายงานผลการดำเนินงาน / โครงการป้องกันและลด
    # อุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์…") and counting no projects → one_project_report (review).
    whole_work: bool = False
    # Whether the item asks for the agency's report, not one division's part of it (the anti-corruption plan's report,
    # the integrity measures' report): every document that gave a part headed as one division's ("…แผนปฏิบัติการ
    # ป้องกันการทุจริต … (เฉพาะส่วนของกองคลัง)", review57 b04) → one_division_report (review), as for `whole_work`.
    agency_wide: bool = False
    # Whether the item shows the office-holders of now (the executives): a term stated as ended before the fiscal year
    # ("คณะผู้บริหาร… (วาระการดำรงตำแหน่ง พ.ศ. 2564 – 2568)" for fiscal year 2569) → term_ended (review).
    current_term: bool = False


class TemplateKind(StrEnum):
    """What kind of document an item's fix-kit template is; it decides the layout and the file format.

    announcement: ประกาศ<agency> เรื่อง … (a title block of an announcement, usually signed)
    plan, report, manual, guideline: a titled document with headings and (optionally) one table
    workbook: an Excel workbook like the NACC's own forms ("ITA-o12"): header fields, a table, notes
    """

    ANNOUNCEMENT = "announcement"
    PLAN = "plan"
    REPORT = "report"
    MANUAL = "manual"
    GUIDELINE = "guideline"
    WORKBOOK = "workbook"

    @property
    def file_format(self) -> str:
        """"xlsx" for a workbook, "docx" for every other kind."""
        return "xlsx" if self is TemplateKind.WORKBOOK else "docx"


@dataclass(frozen=True)
class TemplateSection:
    """A heading of the template, with what to write under it (`hint`, shown in the blank) and a sample answer
    (`sample`: shown in the checklist as an example, and what the round-trip test fills the blank with)."""

    heading: str
    hint: str
    sample: str
    table: bool = False  # the template's table goes under this heading


@dataclass(frozen=True)
class TemplateColumn:
    """A column of the template's table: its header and the cell of the one example row."""

    header: str
    example: str


@dataclass(frozen=True)
class TemplateField:
    """A header field of a workbook (ปีงบประมาณ, ชื่อหน่วยงาน, อำเภอ …): a value the tool fills ("{year}",
    "{agency}") or, when `value` is empty, a blank with `hint` and `sample`."""

    label: str
    value: str = ""
    hint: str = ""
    sample: str = ""


@dataclass(frozen=True)
class Template:
    """The document a working group fills in to fix an item (rules/README.md, "Templates").

    Text fields may name `{agency}`, `{year}` (the fiscal year the document must name under the item's rule),
    `{fiscal_year}` (the year being checked) and `{start_year}` (the BE year in which `{year}` begins, 1 Oct).
    """

    kind: TemplateKind
    title: str = ""  # the document's title; "" = the item's name_th
    signed: bool = False  # a signature block: ประกาศ ณ วันที่ / ลงชื่อ / (ชื่อ) / ตำแหน่ง
    sheet: str = ""  # workbook: the sheet's name ("ITA-o12")
    sections: tuple[TemplateSection, ...] = ()
    columns: tuple[TemplateColumn, ...] = ()
    fields: tuple[TemplateField, ...] = ()
    rows: int = 5  # empty rows under the example row

    @property
    def file_format(self) -> str:
        return self.kind.file_format


@dataclass(frozen=True)
class DiscoverHints:
    """How `discover` finds the item on a site without an ITA listing (menus, category pages of posts)."""

    page: bool = False  # the menu entry's page itself is the evidence (news, contact, E-Service), not its posts
    periods: tuple[FiscalYearRule, ...] = ()  # which posts of a category to take; () = the item's fiscal_year


@dataclass(frozen=True)
class Item:
    id: str  # "O24"
    name_th: str
    name_en: str
    indicator: int  # 9 or 10
    sub_indicator: str
    components: tuple[Component, ...]
    fiscal_year_rule: FiscalYearRule
    confidence: Confidence
    title_phrases: tuple[str, ...] = ()  # how the item's documents are titled (for discovery / list pages)
    title_variants: tuple[str, ...] = ()  # other titles agencies give the item's menu entries and posts
    not_titles: tuple[str, ...] = ()  # a title holding one of these is not this item ("แผนอัตรากำลัง" for O14)
    discover: DiscoverHints = field(default_factory=DiscoverHints)
    evidence: EvidenceRule = field(default_factory=EvidenceRule)
    fiscal_year_confidence: Confidence = Confidence.INFERRED
    notes: str = ""
    template: Template | None = None  # the fix kit's document to fill in; None: a checklist only
    # Checked only when the agency's manifest lists it: not every agency's listing has the item (2568 O28).
    listed_only: bool = False
    # The component whose documents the fiscal year is read from ("promotion" for the code of ethics: the code
    # may be years old, its promotion activities must be of the fiscal year); "": every document of the item.
    fiscal_year_of: str = ""
    # The other items of its catalogue and their titles (`title_phrases`, `title_variants`), set when the catalogue is
    # built: a file headed by another item's title may be the wrong file (evaluate/item.py `_titled_for_other`).
    other_titles: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def for_fiscal_year(self, fiscal_year: int) -> Item:
        """The item with `NEXT_YEAR` in its components' patterns bound for `fiscal_year` (itself when none has it);
        made once per item and year (every agency of a run asks for the same)."""
        got = _BOUND.get((id(self), fiscal_year))
        if got is not None and got[0] is self:
            return got[1]
        bound = self
        if any(NEXT_YEAR in rx.pattern or OWN_YEARS in rx.pattern for c in self.components for rx in c.patterns):
            year = self.fiscal_year_rule.data_year(fiscal_year) + 1
            bound = replace(self, components=tuple(
                replace(c, patterns=tuple(re.compile(bind_years(rx.pattern, year), rx.flags)
                                          if NEXT_YEAR in rx.pattern or OWN_YEARS in rx.pattern
                                          else rx for rx in c.patterns))
                for c in self.components))
        if len(_BOUND) >= _BOUND_MAX:
            _BOUND.clear()
        _BOUND[(id(self), fiscal_year)] = (self, bound)
        return bound


# Items bound for a year, by the item's id() and the year; the item is kept with its binding, so an id() reused by
# another object after the item is gone is told apart.
_BOUND: dict[tuple[int, int], tuple[Item, Item]] = {}
_BOUND_MAX = 1024



@dataclass(frozen=True)
class AppliedOverride:
    """An override file applied to a catalogue (rules/README.md, "An override file")."""

    path: str  # the file as given (--override)
    criteria_year: int | None  # its [catalogue] criteria_year; None: it names none and applies to any year
    removed: tuple[str, ...] = ()  # the items it drops (remove = true)


@dataclass(frozen=True)
class Catalogue:
    criteria_year: int  # ITA year, BE (2568)
    version: str
    source: str  # path of the file it was loaded from
    items: tuple[Item, ...]
    title_th: str = ""
    overrides: tuple[AppliedOverride, ...] = ()  # in the order applied

    def removed_by(self, item_id: str) -> str | None:
        """The override file that dropped `item_id` (remove = true), or None."""
        for override in self.overrides:
            if item_id in override.removed:
                return override.path
        return None

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)


