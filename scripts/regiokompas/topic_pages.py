"""Which page shows each topic of a region: a long list of topics is split by chapter.

The rule works for any region. A region's topics weigh one each plus one per action under
them (what makes the page long). When they weigh more than :data:`TOPICS_WEIGHT`, the topics
page becomes a table of contents and the topics go to numbered pages (``onderwerpen-1``, ...):
whole chapters in document order, as many consecutive chapters per page as fit the weight (a
chapter heavier than that gets a page of its own; a chapter is never cut). A chapter starts at a
topic of kind ``hoofdstuk``, at the first of a run of ``bijlage`` topics, and at a topic whose
section number (``4.1``) starts with a different chapter number than the chapter it is in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .models import Region, Topic

#: Most weight (topics plus their actions) on one topics page; above it the page is split.
TOPICS_WEIGHT = 36


@dataclass(frozen=True)
class TopicPage:
    """One numbered page of a split topics list: its number (from 1), label and topics."""

    number: int
    label: str
    topics: list[Topic]


def _chapter_number(topic: Topic) -> str | None:
    if topic.number and topic.kind == "hoofdstuk":
        return topic.number.split(".")[0]
    if topic.number and "." in topic.number:
        return topic.number.split(".")[0]
    return None


def chapters(topics: list[Topic]) -> list[list[Topic]]:
    """The topics in document order, cut into chapters (see the module text)."""
    result: list[list[Topic]] = []
    current: str | None = None
    previous_kind = None
    for topic in topics:
        number = _chapter_number(topic)
        starts = (
            not result
            or topic.kind == "hoofdstuk"
            or (topic.kind == "bijlage" and previous_kind != "bijlage")
            or (number is not None and current is not None and number != current)
        )
        if starts:
            result.append([])
            current = number
        elif current is None and number is not None:
            current = number
        result[-1].append(topic)
        previous_kind = topic.kind
    return result


def _short(topic: Topic) -> str:
    return f"{topic.kind} {topic.number}" if topic.number else topic.kind


def _label(group: list[list[Topic]]) -> str:
    """``Hoofdstuk 3: Doelen en opgaven`` for one chapter, ``Hoofdstuk 1 t/m hoofdstuk 2`` for more."""
    first, last = group[0][0], group[-1][0]
    label = f"{_short(first)}: {first.title}" if len(group) == 1 else f"{_short(first)} t/m {_short(last)}"
    return label[:1].upper() + label[1:]


def topic_pages(region: Region) -> list[TopicPage]:
    """The numbered topics pages of a region; empty when all its topics fit on one page."""
    actions = Counter(action.parent for action in region.actions)
    weight = {topic.id: 1 + actions[topic.id] for topic in region.topics}
    if sum(weight.values()) <= TOPICS_WEIGHT:
        return []
    groups: list[list[list[Topic]]] = []
    load = 0
    for chapter in chapters(region.topics):
        chapter_weight = sum(weight[topic.id] for topic in chapter)
        if not groups or load + chapter_weight > TOPICS_WEIGHT:
            groups.append([])
            load = 0
        groups[-1].append(chapter)
        load += chapter_weight
    pages = []
    for number, group in enumerate(groups, start=1):
        pages.append(TopicPage(number, _label(group), [topic for chapter in group for topic in chapter]))
    return pages
