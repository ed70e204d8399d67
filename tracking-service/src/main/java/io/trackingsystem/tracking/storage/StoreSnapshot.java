package io.trackingsystem.tracking.storage;

import java.util.Map;

/**
 * What Redis held for a batch before it was accounted: which events are already recorded, the session states of
 * the batch's fields (current generation, else the previous one) and the property key index of each day with
 * properties. It is read without locks; the apply script re-checks every part the accounting relied on.
 *
 * @param recorded   per event, whether its fingerprint is already claimed
 * @param states     state text per session field; absent fields have no state
 * @param properties per day with properties
 */
record StoreSnapshot(boolean[] recorded, Map<String, String> states, Map<String, PropertyIndex> properties) {

    boolean recorded(int event) {
        return recorded[event];
    }

    String state(String field) {
        return states.get(field);
    }
}
