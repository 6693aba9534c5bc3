"""``daycare`` 0010: the vision's third goal, which 001 breaks over two bullet lines,
becomes one bullet in a database seeded before, unless an administrator has edited
either line; the change is in the bullets' history with its reason."""

import pytest

from core.text import render_markdown_inline

BEFORE = [("daycare", "0009_closing_day_places_changed")]
AFTER = [("daycare", "0010_vision_goal_on_one_line")]
MERGED = "Dagtilbuddet mestrer engagement, mod og handlekraft"


@pytest.mark.django_db(transaction=True)
def test_the_seeds_two_lines_become_one_goal_and_an_edited_line_is_left_alone(migrating, seed_kept):
    old = migrating(BEFORE)
    Document = old.get_model("daycare", "Document")
    Section = old.get_model("daycare", "Section")
    Bullet = old.get_model("daycare", "Bullet")
    vision = Document.objects.get(key="vision")
    Bullet.objects.all().delete()
    seeded = Section.objects.create(document=vision, position=90, heading="Som seedet")
    edited = Section.objects.create(document=vision, position=91, heading="Redigeret")
    for section, second in ((seeded, "Engagement, mod og handlekraft"),
                            (edited, "Engagement, mod og handlekraft i hverdagen")):  # fmt: skip
        Bullet.objects.create(section=section, position=1, text="Alle børn trives og udvikler sig")
        Bullet.objects.create(section=section, position=3, text="Dagtilbuddet mestrer")
        Bullet.objects.create(section=section, position=4, text=second)

    migrating(AFTER)

    from daycare.models import Bullet as CurrentBullet

    def texts(section):
        return list(
            CurrentBullet.objects.filter(section_id=section.pk)
            .order_by("position")
            .values_list("text", flat=True)
        )

    assert texts(seeded) == ["Alle børn trives og udvikler sig", MERGED]
    assert texts(edited) == [
        "Alle børn trives og udvikler sig",
        "Dagtilbuddet mestrer",
        "Engagement, mod og handlekraft i hverdagen",
    ]
    merged = CurrentBullet.objects.get(section_id=seeded.pk, text=MERGED)
    assert merged.text_html == str(render_markdown_inline(MERGED))
    changed = merged.history.latest()
    assert (changed.history_type, changed.text) == ("~", MERGED)
    assert changed.history_change_reason.startswith("Ét mål i kilden")
    removed = CurrentBullet.history.get(history_type="-")
    assert removed.text == "Engagement, mod og handlekraft"
    assert removed.history_change_reason == changed.history_change_reason
