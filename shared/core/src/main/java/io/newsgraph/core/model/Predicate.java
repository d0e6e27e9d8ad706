package io.newsgraph.core.model;

/** The closed, CAMEO-aligned predicate set of the annotation guidelines (section 2). */
public enum Predicate {
    COOPERATE("03", false),
    MEET("04", true),
    VISIT("04", false),
    NEGOTIATE("04", true),
    SUPPORT("05", false),
    PRAISE("05", false),
    AGREE("06", true),
    AID("07", false),
    WITHDRAW("08", false),
    INVESTIGATE("09", false),
    DEMAND("10", false),
    CRITICIZE("11", false),
    REJECT("12", false),
    THREATEN("13", false),
    PROTEST("14", false),
    DEPLOY("15", false),
    SANCTION("16", false),
    ARREST("17", false),
    OUST("17", false),
    ATTACK("18", false),
    KILL("18", false),
    FLEE("", false),
    HEAD_OF("", false),
    MEMBER_OF("", false);

    private final String cameoRoot;
    private final boolean symmetric;

    Predicate(String cameoRoot, boolean symmetric) {
        this.cameoRoot = cameoRoot;
        this.symmetric = symmetric;
    }

    /** The CAMEO root code, or an empty string for predicates outside CAMEO (roles, flight). */
    public String cameoRoot() {
        return cameoRoot;
    }

    /** Symmetric predicates may name subject and object in either order. */
    public boolean symmetric() {
        return symmetric;
    }
}
