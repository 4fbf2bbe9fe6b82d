"""Participants of violent events read off the parse: conjoined victims, named appositions, groups inside actor phrases."""

import hashlib

from crosswire.extract import extract_documents
from crosswire.records import Document
from crosswire.settings import Settings


def roles(text, trigger):
    document = Document(id=hashlib.sha1(text.encode()).hexdigest(), path="t.txt", format="txt", text=text,
                        raw_text=text, original=text)
    [extraction] = extract_documents([document], Settings(workers=1))
    event = next(e for e in extraction.events if e.trigger == trigger)
    return {(p.role, p.name) for p in event.participants}


def test_participants_actor_phrase_and_the_group_it_names_are_both_actors():
    found = roles("About 50 peasants were kidnapped by terrorists of the Farabundo Marti National Liberation Front.",
                  "kidnapped")
    assert {("actor", "terrorists"), ("actor", "Farabundo Marti National Liberation Front")} <= found


def test_participants_every_conjunct_of_a_victim_is_a_victim():
    found = roles("The gunmen killed a priest and two students on Monday.", "killed")
    assert {("victim", "priest"), ("victim", "two students")} <= found


def test_participants_a_head_noun_keeps_its_of_phrase_not_the_place_inside_it():
    found = roles("Guerrillas kidnapped the mayor of Achi on Friday.", "kidnapped")
    assert ("victim", "mayor of Achi") in found
    assert not any(name == "Achi" for _, name in found)


def test_participants_a_bomb_that_explodes_is_the_instrument_not_the_actor():
    found = roles("A bomb exploded outside the town hall of Riverton on Sunday.", "exploded")
    assert ("instrument", "bomb") in found and not any(role == "actor" for role, _ in found)
    found = roles("Two masked men detonated a grenade at the depot.", "detonated")
    assert {("actor", "Two masked men"), ("instrument", "grenade")} <= found


def test_participants_what_a_bomb_destroyed_is_its_target():
    found = roles("The ferry office in Riverton was wrecked by a bomb, firefighters said.", "bomb")
    assert ("target", "ferry office") in found
