package io.csc.demostore;

public class DemoStoreMain {
    public static void main(String[] args) {
    }
}
