package org.gridtwin.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.gridtwin.ems.Event;

/** The latest events of the live fleet, newest first, bounded so a chatty alarm cannot exhaust memory. */
public final class EventLog implements Consumer<Event> {
    private final int capacity;
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private long total;

    public EventLog(int capacity) {
        this.capacity = capacity;
    }

    /** Puts back what a previous run stored: its latest events (newest first) and how many it stored in all. */
    public synchronized void restore(java.util.List<org.gridtwin.store.LoggedEvent> newestFirst, long storedTotal) {
        events.clear();
        for (org.gridtwin.store.LoggedEvent e : newestFirst) {
            if (events.size() == capacity) {
                break;
            }
            events.addLast(new Event(e.time(), e.siteId(), Event.Kind.valueOf(e.kind()), e.detail(), e.values()));
        }
        total = storedTotal;
    }

    @Override
    public synchronized void accept(Event e) {
        if (events.size() == capacity) {
            events.removeLast();
        }
        events.addFirst(e);
        total++;
    }

    /**
     * Newest first.
     *
     * @param siteId null for every site
     * @param kind   null for every kind
     */
    public synchronized List<Event> latest(String siteId, Event.Kind kind, int limit) {
        return latest(siteId, kind, Event.Severity.INFO, limit);
    }

    /** Newest first, of at least the given severity. */
    public synchronized List<Event> latest(String siteId, Event.Kind kind, Event.Severity atLeast, int limit) {
        List<Event> out = new ArrayList<>();
        for (Iterator<Event> it = events.iterator(); it.hasNext() && out.size() < limit;) {
            Event e = it.next();
            if ((siteId == null || e.siteId().equals(siteId)) && (kind == null || e.kind() == kind)
                    && e.severity().compareTo(atLeast) >= 0) {
                out.add(e);
            }
        }
        return out;
    }

    /** Events seen since the store was created, including those no longer kept here. */
    public synchronized long total() {
        return total;
    }
}
