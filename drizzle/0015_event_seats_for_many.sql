-- An event's places taken (confirmed and offered), its waiting list's length and which of these addresses
-- (lower-cased) a standing registration already has: what a batch of registrations for one event asks under the
-- event's lock (events/repository.ts, lockEventForRegistrations). Asked in the statement that locks the event's
-- row, after the lock is granted: being VOLATILE, the function reads with a snapshot of its own taken then, so it
-- sees every registration committed by the lock's previous holders, which the locking statement's snapshot
-- (taken before it waited for the lock) does not. VOLATILE also keeps the planner from inlining it.
-- It takes the place of event_seat_counts (one address), which registering no longer asks.
CREATE FUNCTION event_seats_for(p_event_id uuid, p_emails text[], OUT taken integer, OUT waiting integer, OUT duplicates text[])
LANGUAGE sql VOLATILE AS $$
  SELECT count(*) FILTER (WHERE status IN ('confirmed', 'offered'))::int,
         count(*) FILTER (WHERE status = 'waiting')::int,
         coalesce(array_agg(DISTINCT lower(email)) FILTER (WHERE status <> 'cancelled' AND lower(email) = ANY (p_emails)), '{}')
    FROM event_registrations
   WHERE event_id = p_event_id
$$;
--> statement-breakpoint
DROP FUNCTION event_seat_counts(uuid, text);
