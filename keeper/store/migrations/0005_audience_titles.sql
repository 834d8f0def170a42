-- Keeper schema 5: an agenda item's title is what the room reads on the projector; the
-- Keeper's backstage words live in its private notes. The leadership template used to
-- title its lunch "Lunch (the Keeper synthesises)": such items become "Lunch", the
-- words moving to the front of their notes.

UPDATE agenda_item
SET notes = CASE WHEN notes IS NULL OR trim(notes) = ''
                 THEN 'The Keeper synthesises the morning over lunch.'
                 ELSE 'The Keeper synthesises the morning over lunch. ' || notes END,
    title = 'Lunch'
WHERE title = 'Lunch (the Keeper synthesises)';
