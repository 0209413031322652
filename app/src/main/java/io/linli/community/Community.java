package io.linli.community;

/** A 社区 and the 街道 above it. */
public record Community(String code, String name, String streetCode, String streetName) {}
