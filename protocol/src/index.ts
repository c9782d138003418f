/**
 * `@evfw/protocol`: the half of section 6.7 that is not the document format. Client helpers for
 * RCS clients and servers that report events; they use the generated package only through its
 * public exports (`@evfw/model/cpm-evfw`, `@evfw/model/imdn`).
 */
export {};
