"""Data models: the single source of truth for the YAML files.

The same models validate the YAML (``validate``), produce the JSON Schema files in
``schemas/`` (editor completion) and the schema reference page on the site.
Descriptions are in Dutch because editors read them in their editor and on the site.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$"
MIN_YEAR = 1990
MAX_YEAR = 2100
#: Longest text in one field; the longest real text is about 2,500 characters.
MAX_TEXT_LENGTH = 10_000

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        description="Kleine letters, cijfers en koppeltekens, bijvoorbeeld `twe-p3-a2`.",
        examples=["twe-p3-a2"],
    ),
]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR, description="Jaartal.", examples=[2022])]
Text = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_TEXT_LENGTH,
        description="Platte tekst. Een lege regel scheidt alinea's; een los webadres (beginnend met https://) wordt een link.",
    ),
]
Abbreviation = Annotated[
    str,
    Field(
        pattern=r"^[\w'+&/.-]+( [\w'+&/.-]+)?$",
        max_length=15,
        description="Afkorting: een of twee woorden van samen hoogstens 15 tekens, zonder haakjes.",
        examples=["GI"],
    ),
]


def _existing_date(value: str) -> str:
    """A ``JJJJ-MM-DD`` date must exist in the calendar (no 31 February)."""
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"de datum '{value}' bestaat niet; controleer dag en maand") from None
    return value


DateText = Annotated[
    str,
    Field(pattern=DATE_PATTERN),
    AfterValidator(_existing_date),
]
Level = Literal["lokaal", "regionaal", "bovenregionaal"]
Direction = Literal["meer", "minder", "gelijk", "niet-genoemd"]
Cell = float | int | str | None


class DataModel(BaseModel):
    """Base for every model: unknown keys are errors; surrounding whitespace is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(DataModel):
    """Waar in het brondocument dit staat."""

    document: Slug = Field(
        description="Het `id` van het brondocument (uit `documents` van de regio).",
        examples=["twe-regiovisie-2021"],
    )
    section: Text = Field(
        description="Hoofdstuk en paragraaf zoals het document ze nummert en noemt; niveaus gescheiden door ` > `.",
        examples=["3. Doelen en opgaven > 3.1 Opgave 1 > Wat doen we? Actielijnen."],
    )
    page: int | None = Field(
        default=None,
        ge=1,
        le=999,
        description="Paginanummer in de oorspronkelijke PDF, alleen als het zeker is (uit de inhoudsopgave).",
        examples=[11],
    )
    quote: Text = Field(
        max_length=600,
        description=(
            "Verplicht. Letterlijk citaat uit de genoemde sectie dat de bewering van het item draagt: een zin of zinsdeel. "
            "`…` verbindt twee stukken. De controle vindt het citaat in de brontekst; alleen witruimte, "
            "regeleinden, afbreekstreepjes aan het regeleinde en de soort aanhalingstekens mogen verschillen."
        ),
        examples=["Wij streven naar een regio waarin elk kind een thuis heeft."],
    )


NoteKind = Literal["document", "conversie", "redactie"]
#: Note kinds for editors: shown on the region's verantwoording page, not with the item.
EDITOR_NOTE_KINDS = frozenset({"conversie", "redactie"})


class Sourced(DataModel):
    """An item that cites its place in a source document and may carry a data note."""

    source: Source = Field(description="Vindplaats in het brondocument.")
    note: Text | None = Field(
        default=None,
        description="Opmerking over de gegevens: tegenstrijdigheid of OCR-fout in het document, keuze van de redactie.",
        examples=["Het document noemt hier 1,9%; dat past niet bij 113.000 van 531.000 inwoners."],
    )
    note_kind: NoteKind | None = Field(
        default=None,
        description=(
            "Soort opmerking: `document` (de lezer moet het weten: het document spreekt zichzelf tegen, een cijfer "
            "is onzeker, iets ontbreekt), `conversie` (fout of verlies door de omzetting van de PDF) of `redactie` "
            "(hoe de redactie iets heeft afgeleid of gekozen). Alleen `document` staat zichtbaar bij het item; "
            "`conversie` en `redactie` staan op de verantwoordingspagina van de regio."
        ),
    )

    @property
    def note_for_editors(self) -> bool:
        """True when the note is about the conversion or the editors' choices (not for the reader)."""
        return self.note is not None and self.note_kind in EDITOR_NOTE_KINDS


class Part(DataModel):
    """Een onderdeel van een principe of onderwerp, zoals het document het indeelt."""

    title: Text = Field(description="Kopje zoals in het document.", examples=["Wat is hiervoor nodig?"])
    points: list[Text] = Field(min_length=1, description="De punten van dit onderdeel, in eigen woorden.")


class Tagged(Sourced):
    """An item tagged with themes and glossary terms."""

    themes: list[Slug] = Field(
        min_length=1,
        description="Een of meer thema-id's uit `themes/themes.yaml`.",
        examples=[["normaliseren", "onderwijs"]],
    )
    terms: list[Slug] = Field(
        default_factory=list,
        description="Begrip-id's uit de begrippenlijst (`glossary/`) waar dit item over gaat.",
        examples=[["regionaal-expertiseteam"]],
    )


class Correction(DataModel):
    """Een bekende fout van de omzetting (OCR) in de tekstversie van een document."""

    text: str = Field(min_length=2, description="De tekst zoals hij (fout) in `bronnen/` staat.", examples=["Spiedhulp"])
    correct: str = Field(min_length=1, description="Wat er in het document bedoeld is.", examples=["Spoedhulp"])


class Document(DataModel):
    """Een brondocument van de regio."""

    id: Slug = Field(description="Uniek id, waarnaar `source.document` verwijst.", examples=["twe-regiovisie-2021"])
    title: Text = Field(description="Titel zoals op het document.", examples=["Regiovisie Jeugdhulp Twente"])
    short_title: Text | None = Field(
        default=None,
        max_length=40,
        description="Korte naam voor bronverwijzingen bij de items, bijvoorbeeld `Regiovisie Twente`.",
        examples=["Regiovisie Twente"],
    )
    publisher: Text = Field(description="Uitgever of opsteller, zoals het document zegt.")
    date: DateText = Field(
        description="Datum van het document: `JJJJ-MM-DD`, `JJJJ-MM` of `JJJJ` (tussen aanhalingstekens).",
        examples=["2021-11-17"],
    )
    period_start: Year | None = Field(default=None, description="Eerste jaar waarop het document betrekking heeft.")
    period_end: Year | None = Field(default=None, description="Laatste jaar waarop het document betrekking heeft.")
    status: Text = Field(description="Status, bijvoorbeeld vastgesteld of concept.", examples=["Concept, aangeboden aan de gemeenteraden"])
    url: str | None = Field(
        default=None,
        pattern=r"^https://\S+$",
        description="Openbaar adres van het document, alleen als het document er een noemt.",
    )
    seed: str = Field(
        pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$",
        description="Bestandsnaam van de tekstversie in `bronnen/`.",
        examples=["001_4f7ac4d2be3ad9cf.txt"],
    )
    notes: list[Text] = Field(default_factory=list, description="Opmerkingen over het document als geheel.")
    corrections: list[Correction] = Field(
        default_factory=list,
        description=(
            "Fouten van de omzetting in de tekstversie (`bronnen/`): de bronpagina toont ze gemarkeerd met de "
            "verbetering, en een `section` mag de verbeterde kop noemen. Een citaat neemt de tekst over zoals hij er staat."
        ),
    )

    @model_validator(mode="after")
    def _period_in_order(self) -> Document:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError(f"period_end ({self.period_end}) ligt voor period_start ({self.period_start}); draai ze om")
        return self


class Municipalities(DataModel):
    """De gemeenten van de regio."""

    names: list[Text] = Field(min_length=1, description="Namen zoals het document ze schrijft.", examples=[["Dalfsen", "Deventer"]])
    source: Source | None = Field(default=None, description="Vindplaats; weglaten als de lijst niet uit het document komt.")
    note: Text | None = Field(default=None, description="Verplicht zonder `source`: waar de lijst dan vandaan komt.")

    @model_validator(mode="after")
    def _source_or_note(self) -> Municipalities:
        if self.source is None and self.note is None:
            raise ValueError("geef een 'source' (vindplaats) of, als de lijst niet uit het document komt, een 'note'")
        return self


class Cooperation(Sourced):
    """Een samenwerkingsverband of organisatie waarmee de regio werkt."""

    id: Slug
    name: Text = Field(description="Naam zoals in het document.", examples=["Samen14"])
    summary: Text = Field(description="Wat het is en doet, in eigen woorden.")
    since: Year | None = Field(default=None, description="Sinds welk jaar, als het document dat noemt.")


class AmbitionElement(Sourced):
    """Een kernbegrip dat de ambitie uitlegt."""

    title: Text = Field(examples=["Normaliseren"])
    summary: Text


class Ambition(Sourced):
    """De ambitie of stip op de horizon van de regio."""

    title: Text = Field(description="De ambitie zoals het document die verwoordt.", examples=["Elk kind een thuis"])
    summary: Text = Field(description="Uitleg in eigen woorden.")
    elements: list[AmbitionElement] = Field(default_factory=list, description="Kernbegrippen van de ambitie.")


class Principle(Tagged):
    """Een leidend principe, uitgangspunt of voorwaarde."""

    id: Slug = Field(description="Uniek id van het principe; ook het anker van zijn vaste link.", examples=["twe-p1"])
    number: str | None = Field(default=None, description="Nummer zoals in het document.", examples=["1"])
    title: Text = Field(description="Naam zoals in het document.", examples=["Normaliseren is uitgangspunt"])
    summary: Text = Field(description="Samenvatting in eigen woorden.")
    parts: list[Part] = Field(default_factory=list, description="Onderdelen zoals het document ze indeelt.")


class Topic(Tagged):
    """Een ander onderwerp van het document: hoofdstuk, opgave, paragraaf, bijlage."""

    id: Slug = Field(description="Uniek id van het onderwerp; ook het anker van zijn vaste link.", examples=["rvn-opgave-1"])
    kind: Text = Field(description="Soort onderwerp, in het Nederlands.", examples=["opgave"])
    number: str | None = Field(default=None, description="Nummer zoals in het document.", examples=["3.1"])
    title: Text = Field(description="Kop zoals in het document.")
    summary: Text = Field(description="Samenvatting in eigen woorden.")
    parts: list[Part] = Field(default_factory=list, description="Onderdelen zoals het document ze indeelt.")


class Action(Tagged):
    """Een concrete actie, actielijn of maatregel."""

    id: Slug = Field(description="Uniek id van de actie; ook het anker van haar vaste link.", examples=["twe-p1-a1"])
    parent: Slug = Field(description="Id van het principe of onderwerp waar de actie onder valt.", examples=["twe-p1"])
    title: Text | None = Field(default=None, description="Eigen naam van de actie zoals het document die schrijft.")
    text: Text = Field(description="Wat er gebeurt, in eigen woorden.")
    owner: Text | None = Field(default=None, description="Wie het doet, zoals het document het noemt.", examples=["Twentse gemeenten"])
    owner_stated: bool = Field(default=True, description="`false` als de eigenaar is afgeleid en niet in het document staat.")
    levels: list[Level] = Field(min_length=1, description="Niveau: `lokaal`, `regionaal` en/of `bovenregionaal`.")
    level_stated: bool = Field(default=True, description="`false` als het niveau is afgeleid en niet in het document staat.")
    timing: Text | None = Field(default=None, description="Planning zoals het document die geeft.", examples=["2022"])


class Indicator(Tagged):
    """Iets wat de regio meet of wil meten."""

    id: Slug = Field(description="Uniek id van de indicator; ook het anker van haar vaste link.", examples=["rvn-i1"])
    parent: Slug | None = Field(default=None, description="Id van het principe of onderwerp.")
    name: Text = Field(description="Naam zoals het document die geeft.")
    text: Text | None = Field(default=None, description="Toelichting in eigen woorden.")
    direction: Direction = Field(description="Gewenste richting: `meer`, `minder`, `gelijk` of `niet-genoemd`.")
    baseline_year: Year | None = Field(default=None, description="Jaar van de nulmeting.")
    baseline: Text | None = Field(default=None, description="Regel of waarde van de nulmeting.")
    target: Text | None = Field(default=None, description="Streefwaarde zoals het document die geeft.")


class KeyFigure(Sourced):
    """Een kerncijfer: waarde, eenheid, jaar en wat er precies geteld is."""

    id: Slug = Field(description="Uniek id van het kerncijfer; ook het anker van zijn vaste link.", examples=["twe-kf-jeugdhulp-personen"])
    label: Text = Field(description="Korte omschrijving.", examples=["Jeugdigen met jeugdhulp"])
    value: float | int = Field(description="De waarde als getal (punt als decimaalteken).", examples=[9.1])
    value_text: Text | None = Field(default=None, description="Hoe het document de waarde verwoordt, als dat geen gewoon getal is.")
    unit: Text = Field(description="Eenheid.", examples=["%"])
    year: Year | None = Field(default=None, description="Het jaar waarover het cijfer gaat.")
    definition: Text = Field(description="Wat er geteld is, onder welke populatie.")
    themes: list[Slug] = Field(default_factory=list, description="Thema-id's (optioneel).")
    measure: Slug | None = Field(
        default=None,
        description=(
            "Id van de maat uit `themes/measures.yaml` waaronder dit cijfer in het vergelijkingsrooster staat; alleen "
            "als het cijfer hetzelfde meet als de maat. Weglaten als geen maat past."
        ),
        examples=["gemeenten"],
    )
    measure_note: Text | None = Field(
        default=None,
        max_length=400,
        description=(
            "Verschil met de definitie van de maat (andere populatie, andere noemer, andere eenheid, ander soort jaar); "
            "staat zichtbaar in de cel van het rooster. Verplicht als `unit` verschilt van de eenheid van de maat."
        ),
        examples=["Aandeel van alle jeugdhulptrajecten, niet van alle jeugdigen."],
    )


class Milestone(Sourced):
    """Een gedateerde stap."""

    id: Slug = Field(description="Uniek id van de stap; ook het anker van haar vaste link.", examples=["twe-m-2020-06-10-nvo"])
    date: DateText = Field(
        description="`JJJJ`, `JJJJ-MM`, `JJJJ-MM-DD` of `JJJJ-Q1` t/m `JJJJ-Q4`.",
        examples=["2022-Q1"],
    )
    label: Text = Field(description="Wat er op die datum gebeurt, in eigen woorden.")


class Table(Sourced):
    """Een tabel uit het document, als gestructureerde gegevens."""

    id: Slug
    title: Text
    summary: Text | None = None
    unit: Text | None = Field(default=None, examples=["miljoen euro"])
    columns: list[Text] = Field(min_length=2)
    rows: list[list[Cell]] = Field(min_length=1)

    @model_validator(mode="after")
    def _rows_match_columns(self) -> Table:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(f"rij {number} heeft {len(row)} cellen maar er zijn {len(self.columns)} kolommen; vul ontbrekende cellen met null")
        return self


class RegionNote(DataModel):
    """Een opmerking over de gegevens van de regio."""

    text: Text
    source: Source | None = None


class Distinctive(DataModel):
    """Iets wat de regio onderscheidt van de andere regio's, onderbouwd met items van de regio."""

    text: Text = Field(description="Het kenmerk in eigen woorden, neutraal; alleen wat de items zelf dragen.")
    refs: list[Slug] = Field(
        min_length=1, description="Id's van principes, onderwerpen, acties, indicatoren of kerncijfers van deze regio waarop het kenmerk steunt."
    )


class Region(DataModel):
    """Een jeugdregio en de inhoud van haar regiovisie (`regions/<id>.yaml`)."""

    id: Slug = Field(description="Gelijk aan de bestandsnaam zonder `.yaml`.", examples=["twente"])
    name: Text = Field(description="Naam van de regio zoals de documenten die schrijven.", examples=["Twente"])
    province: Text = Field(examples=["Overijssel"])
    summary: Text = Field(description="De kern in 2 tot 4 zinnen voor een raadslid, in eigen woorden.")
    documents: list[Document] = Field(min_length=1)
    municipalities: Municipalities
    cooperation: list[Cooperation] = Field(default_factory=list)
    ambition: Ambition
    principles: list[Principle] = Field(min_length=1)
    topics: list[Topic] = Field(default_factory=list)
    actions: list[Action] = Field(min_length=1)
    indicators: list[Indicator] = Field(default_factory=list)
    key_figures: list[KeyFigure] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    notes: list[RegionNote] = Field(default_factory=list)
    distinctive: list[Distinctive] = Field(
        default_factory=list,
        description="Wat deze regio onderscheidt van de andere regio's (2 tot 4 punten), elk met de items waarop het steunt; staat op het regio-overzicht.",
    )


class Theme(DataModel):
    """Een thema waarop regio's vergeleken worden."""

    id: Slug = Field(description="Uniek id van het thema.", examples=["normaliseren"])
    name: Text = Field(description="Naam van het thema.", examples=["Normaliseren en demedicaliseren"])
    description: Text
    synthesis: list[Synthesis] = Field(
        default_factory=list,
        description="Neutrale, onderbouwde vergelijking: waar regio's overeenkomen of verschillen.",
    )


class Synthesis(DataModel):
    """Een onderbouwde vergelijkende uitspraak over een thema."""

    text: Text
    refs: list[Slug] = Field(min_length=1, description="Id's van de items waarop de uitspraak steunt.")


class Measure(DataModel):
    """Een maat die in elke regio hetzelfde betekent: een rij van het vergelijkingsrooster van de kerncijfers."""

    id: Slug = Field(description="Uniek id van de maat; kerncijfers verwijzen ernaar met `measure`.", examples=["gemeenten"])
    name: Text = Field(max_length=120, description="Naam van de maat: de kop van de rij.", examples=["Aantal gemeenten in de regio"])
    definition: Text = Field(description="Wat er precies geteld wordt, onder welke populatie; in eigen woorden.")
    unit: Text = Field(max_length=40, description="Eenheid, gelijk aan `unit` van de kerncijfers die er zonder toelichting onder vallen.", examples=["%"])
    comparable: bool = Field(
        default=True,
        description=(
            "`false` als de cijfers van de regio's onder deze maat niet naast elkaar in een grafiek mogen, bijvoorbeeld "
            "omdat ze een andere noemer hebben; het rooster toont ze dan wel, met hun toelichting."
        ),
    )
    note: Text | None = Field(default=None, description="Toelichting bij de maat, zichtbaar onder het rooster.")


class MeasureList(DataModel):
    """De maten voor het vergelijken van kerncijfers (`themes/measures.yaml`)."""

    measures: list[Measure] = Field(min_length=1)


class ThemeList(DataModel):
    """De gedeelde themalijst (`themes/themes.yaml`)."""

    themes: list[Theme] = Field(min_length=1)


class GlossaryDefinition(Sourced):
    """Hoe één regio een begrip omschrijft (`glossary/<regio>.yaml`)."""

    concept: Slug = Field(description="Id van het begrip in `glossary/begrippen.yaml`.", examples=["gecertificeerde-instelling"])
    term: Text = Field(description="De term zoals het document hem schrijft.", examples=["Gecertificeerde Instelling"])
    abbreviation: Abbreviation | None = Field(default=None, description="Afkorting zoals het document die geeft.")
    definition: Text = Field(description="Omschrijving in eigen woorden.")
    basis: Literal["begrippenlijst", "tekst", "gebruikt"] = Field(
        default="begrippenlijst",
        description=(
            "Waar de omschrijving vandaan komt: `begrippenlijst` (de begrippenlijst van het document), `tekst` (de "
            "lopende tekst legt het begrip uit) of `gebruikt` (het document gebruikt de term zonder hem uit te leggen; "
            "de pagina toont dan de omschrijving van een andere regio)."
        ),
    )


class GlossarySource(DataModel):
    """De begrippen van één regio."""

    region: Slug = Field(examples=["twente"])
    entries: list[GlossaryDefinition] = Field(min_length=1)


class Concept(DataModel):
    """Eén begrip in de gezamenlijke begrippenlijst."""

    id: Slug = Field(description="Uniek id van het begrip.", examples=["gecertificeerde-instelling"])
    term: Text = Field(description="Voorkeursterm.", examples=["Gecertificeerde Instelling"])
    abbreviations: list[Abbreviation] = Field(default_factory=list, description="Afkortingen van het begrip.", examples=[["GI"]])
    variants: list[Text] = Field(default_factory=list, description="Spellingvarianten, meervouden, synoniemen.", examples=[["GI's"]])
    summary: Text = Field(description="Neutrale samenvatting over de regio's heen.")
    related: list[Slug] = Field(default_factory=list, description="Verwante begrip-id's.")
    themes: list[Slug] = Field(default_factory=list, description="Thema-id's waar het begrip bij hoort.")


class ConceptList(DataModel):
    """De gezamenlijke begrippenlijst (`glossary/begrippen.yaml`)."""

    concepts: list[Concept] = Field(min_length=1)


Theme.model_rebuild()


class ExternalSource(DataModel):
    """Een bron buiten de regiovisies: alleen voor wat de documenten zelf niet zeggen."""

    title: Text = Field(description="Titel van de bron, zoals de uitgever hem schrijft.", examples=["Norm voor Opdrachtgeverschap"])
    publisher: Text | None = Field(default=None, description="Uitgever of opsteller.", examples=["VNG"])
    url: str | None = Field(
        default=None,
        pattern=r"^https://\S+$",
        description="Openbaar adres, alleen een bekend en blijvend adres; anders weglaten.",
    )


class YardstickPoint(DataModel):
    """Een eis of thema van een maatstaf, met de plaatsen in de documenten die het noemen."""

    id: Slug = Field(description="Uniek id over alle maatstaven en regio's; ook het anker op de pagina van de maatstaf.", examples=["nvo-beschikbaarheid"])
    title: Text = Field(description="Korte naam van de eis of het thema.", examples=["Beschikbaarheid van de benodigde zorgfuncties"])
    summary: Text = Field(description="Wat de eis of het thema vraagt, in eigen woorden.")
    sources: list[Source] = Field(
        default_factory=list,
        description="Passages in de documenten die deze eis of dit thema noemen; minstens één, tenzij `external` is ingevuld.",
    )
    external: ExternalSource | None = Field(default=None, description="Alleen als de eis niet in de documenten staat: de openbare bron waar hij wel staat.")


class Mapping(DataModel):
    """Een koppeling: welke items van een regio een eis of thema behandelen. Een oordeel van de redactie of een eigen uitspraak van de regio, nooit een eindoordeel."""

    point: Slug = Field(description="Id van de eis of het thema (uit `points` van dit bestand).", examples=["nvo-beschikbaarheid"])
    region: Slug = Field(description="Id van de regio (bestandsnaam in `regions/`).", examples=["twente"])
    status: Literal["behandeld", "onderbelicht"] = Field(
        description=(
            "`behandeld`: het document gaat op de eis of het thema in. `onderbelicht`: de regio zegt zelf dat ze dit "
            "onderbelicht laat (alleen met `said_by: regio`). Geen koppeling betekent: niet behandeld in het document."
        )
    )
    said_by: Literal["redactie", "regio"] = Field(
        description="`redactie`: het oordeel van de redactie. `regio`: de regio toetst zichzelf in het document (zoals Twente in 'Tot slot')."
    )
    items: list[Slug] = Field(
        default_factory=list,
        description=(
            "Id's van items van deze regio (principes, onderwerpen, acties, indicatoren, kerncijfers, mijlpalen); mag alleen leeg zijn bij `said_by: regio`."
        ),
        examples=[["twe-p3", "twe-opgave-2"]],
    )
    reason: Text = Field(description="Waarom deze items de eis of het thema behandelen, in eigen woorden: een of twee zinnen.")
    source: Source = Field(description="Het citaat waarop de koppeling steunt, uit een document van deze regio.")


class Yardstick(DataModel):
    """Een landelijke maatstaf (`yardsticks/<id>.yaml`): de eisen of thema's en hoe de regio's ze behandelen."""

    id: Slug = Field(description="Gelijk aan de bestandsnaam zonder `.yaml`.", examples=["nvo"])
    name: Text = Field(description="Naam zoals de documenten die schrijven.", examples=["Norm voor Opdrachtgeverschap"])
    short_name: Text | None = Field(default=None, max_length=40, description="Korte naam of afkorting.", examples=["NvO"])
    kind: Literal["eis", "thema"] = Field(description="Hoe één punt van de maatstaf op de site heet: `eis` of `thema`.")
    summary: Text = Field(description="Wat de maatstaf is, in 2 tot 4 zinnen in eigen woorden.")
    sources: list[Source] = Field(min_length=1, description="Passages in de documenten die zeggen wat de maatstaf is (minstens één).")
    external: ExternalSource | None = Field(
        default=None, description="Alleen voor feiten die niet in de documenten staan; de site toont het als bron buiten de regiovisies."
    )
    points: list[YardstickPoint] = Field(min_length=1, description="De eisen (NvO) of thema's (Hervormingsagenda).")
    mappings: list[Mapping] = Field(default_factory=list, description="Koppelingen van items van de regio's aan de punten.")
