package io.tailsim.scenarios.yaml;

/**
 * A scalar as written. {@code text} is the source text (null for YAML null); {@code type} says what
 * YAML made of it, so {@code "5"} quoted and {@code 5} plain can be told apart where it matters.
 */
public record ScalarNode(String text, Type type, Location location) implements Node {
    public enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String describe() {
        switch (type) {
            case NULL:
                return "nothing (null)";
            case STRING:
                return "the text '" + text + "'";
            case BOOLEAN:
                return "the boolean " + text;
            default:
                return "the number " + text;
        }
    }

    @Override
    public ScalarNode copy() {
        return this;
    }
}
