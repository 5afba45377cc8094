// Set-up for the Node and jsdom tests: DOM matchers and an in-memory IndexedDB for the storage layer.
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
