-- An event's places taken (confirmed and offered), its waiting list's length and whether a standing registration
-- has this address. Registering asks it in the statement that locks the event's row, after the lock is granted
-- (events/repository.ts, lockEventWithSeats): being VOLATILE, the function reads with a snapshot of its own taken
-- then, so it sees every registration committed by the lock's previous holders, which the locking statement's
-- snapshot (taken before it waited for the lock) does not. VOLATILE also keeps the planner from inlining it.
CREATE FUNCTION event_seat_counts(p_event_id uuid, p_email text, OUT taken integer, OUT waiting integer, OUT duplicate boolean)
LANGUAGE sql VOLATILE AS $$
  SELECT count(*) FILTER (WHERE status IN ('confirmed', 'offered'))::int,
         count(*) FILTER (WHERE status = 'waiting')::int,
         coalesce(bool_or(status <> 'cancelled' AND lower(email) = lower(p_email)), false)
    FROM event_registrations
   WHERE event_id = p_event_id
$$;
