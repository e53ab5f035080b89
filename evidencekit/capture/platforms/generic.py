"""The fallback: what any page says about itself in OpenGraph, JSON-LD and meta tags (the
fields `pagefacts` recognises), mapped onto the record. Used for every unknown site, and to
fill what a platform reader left empty."""

from __future__ import annotations

from evidencekit.capture.platforms.record import PageInput, PostRecord, iso_utc, obj, text_of


def fill_from_page_facts(record: PostRecord, page: PageInput) -> None:
    facts = page.page_facts
    post = obj(facts.get("post"))
    meta = page.meta
    before = record.as_json()
    published = text_of(post.get("published"), 64)
    record.fill(
        author_name=text_of(post.get("author"), 300),
        handle=text_of(post.get("handle"), 300),
        post_id=text_of(post.get("post_id"), 300),
        posted_at_utc=iso_utc(published) or iso_utc(post.get("time_machine")),
        posted_at_shown=text_of(post.get("time_as_shown"), 200),
        text=text_of(post.get("text")) or text_of(meta.get("og:description")),
    )
    for key, kind in (("og:image", "image"), ("og:video", "video"), ("twitter:image", "image")):
        record.add_media(kind, meta.get(key))
    if record.as_json() != before:
        record.sources.append("OpenGraph / JSON-LD / meta tags")


def read(page: PageInput) -> PostRecord:
    record = PostRecord("web")
    site = text_of((page.page_facts.get("post") or {}).get("platform"), 100)
    if site:
        record.sources.append(f"the site calls itself {site!r}")
    fill_from_page_facts(record, page)
    return record
