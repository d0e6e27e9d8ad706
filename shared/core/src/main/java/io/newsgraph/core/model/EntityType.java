package io.newsgraph.core.model;

/** The four entity types of the annotation guidelines (section 1). */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    COUNTRY,
    LOCATION;

    /** Actors can be the subject of a relation; plain places cannot. */
    public boolean isActor() {
        return this != LOCATION;
    }
}
