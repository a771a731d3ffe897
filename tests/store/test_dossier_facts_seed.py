"""The seed dossier's facts as the seed files hold them, in the dossier and its Markdown: roles
with their end dates, claims under the organization the speaker spoke for, figures with their
qualifiers and readable magnitudes, sources by title, publisher, date and URL."""

from desktop.domain.dossier_build import build_document
from desktop.store.dossier import load_dossier
from desktop.store.io.markdown import dossier_markdown
from desktop.store.queries import find_organization


def dossier(store, name):
    return load_dossier(store, find_organization(store, name).id, max_events=None)


def markdown(store, name):
    return dossier_markdown(store, find_organization(store, name).id)


def people_lines(store, name):
    doc = build_document(dossier(store, name))
    return [i.text for i in doc.section("people").items]


def test_roles_keep_their_end_dates_and_former_roles_are_marked(mem_seeded):
    google = people_lines(mem_seeded, "Google")
    assert "Eric Schmidt — Chief Executive Officer, 2001–2011 (former)" in google
    assert any("President of Google China, 2005–2009 (former)" in x for x in google)
    sensetime = people_lines(mem_seeded, "SenseTime")
    yan = next(x for x in sensetime if x.startswith("Yan Junjie"))
    assert "Vice President" in yan and "2021" in yan and "(former)" in yan
    assert "since" not in yan
    xu = next(x for x in sensetime if x.startswith("Xu Li"))
    assert "since 2014" in xu and "former" not in xu
    assert "Chief Executive Officer, 2001–2011 *(former)*" in markdown(mem_seeded, "Google")


def test_claims_stay_with_the_organization_the_speaker_spoke_for(mem_seeded):
    sensetime = {c.key for c in dossier(mem_seeded, "SenseTime").claims}
    assert not {k for k in sensetime if k.startswith("yan-junjie")}
    minimax = dossier(mem_seeded, "MiniMax")
    yan = [c for c in minimax.claims if c.key.startswith("yan-junjie")]
    assert len(yan) >= 2 and all(c.spoke_for == ("MiniMax",) for c in yan)
    assert "**Yan Junjie** (MiniMax): " in markdown(mem_seeded, "MiniMax")
    assert "Yan Junjie" not in markdown(mem_seeded, "SenseTime").split("## Claims")[-1]
    # a former Google CEO's 2024 remark is not Google's
    assert not [c for c in dossier(mem_seeded, "Google").claims if c.key.startswith("schmidt")]


def test_a_claim_moves_with_its_speakers_role(mem_seeded):
    """Had Yan Junjie still been at SenseTime in July 2024, the claim would be shown there, with
    both organizations named (the date no longer settles it)."""
    with mem_seeded.write() as db:
        db.execute(
            "UPDATE roles SET \"end\" = '2025' WHERE title = 'Vice President' AND person_id ="
            " (SELECT id FROM people WHERE key = 'yan-junjie')"
        )
    claims = [c for c in dossier(mem_seeded, "SenseTime").claims if c.key.startswith("yan")]
    assert claims and all(set(c.spoke_for) == {"SenseTime", "MiniMax"} for c in claims)
    lines = [
        x for x in markdown(mem_seeded, "SenseTime").splitlines() if "**Yan Junjie** (for" in x
    ]
    assert lines and all("SenseTime" in x and "MiniMax" in x for x in lines)


def test_figures_as_written(mem_seeded):
    china = markdown(mem_seeded, "China")
    assert "**more than CNY 500 billion** (500,000,000,000 CNY)" in china
    assert "**CNY 1.73 trillion** (1,730,000,000,000 CNY) · projection" in china
    assert "500,000,000,000 CNY |" not in china  # never the raw number alone
    deepseek = markdown(mem_seeded, "DeepSeek")
    assert "**67B parameters** (67,000,000,000 parameters)" in deepseek
    sensetime = markdown(mem_seeded, "SenseTime")
    assert "company claim" in sensetime


def test_sources_are_named_by_title_publisher_date_and_url(mem_seeded):
    text = markdown(mem_seeded, "SenseTime")
    assert "seed file" not in text and ".txt" not in text
    assert (
        "*AI competition heats up at World Artificial Intelligence Conference (WAIC) in Shanghai*,"
        " Flanders-China Chamber of Commerce (newsletter), Jul 2024,"
        " <https://www.flanders-china.be/" in text
    )


def test_a_claim_not_shown_is_not_reported_as_changed(mem_seeded):
    from desktop.store.review import changes_since

    sensetime = find_organization(mem_seeded, "SenseTime").id
    with mem_seeded.write() as db:
        db.execute(
            "UPDATE claims SET updated_at = '2999-01-01T00:00:00.000Z'"
            " WHERE key IN ('yan-junjie-only-five-companies', 'sensenova-5-5-30-percent-gain')"
        )
    changed = changes_since(mem_seeded, sensetime, since="2000-01-01T00:00:00.000Z")
    keys = {
        r[0]
        for r in mem_seeded.conn.execute("SELECT key, id FROM claims")
        if r[1] in changed.claims
    }
    assert "sensenova-5-5-30-percent-gain" in keys
    assert "yan-junjie-only-five-companies" not in keys  # said for MiniMax, not shown here
