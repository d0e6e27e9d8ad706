package io.newsgraph.core.lexicon;

import io.newsgraph.core.model.EntityType;

/**
 * A gazetteer entry.
 *
 * @param canonical preferred name (short English form for countries)
 * @param type      COUNTRY or LOCATION
 * @param viaDemonym true when the looked-up form is a demonym ("Norwegian")
 */
public record Place(String canonical, EntityType type, boolean viaDemonym) {
}
