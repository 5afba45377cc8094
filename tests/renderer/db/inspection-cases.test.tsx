// An inspection's cases, live (`useCasesOf`): read in full once, then kept in step with each write. An answer
// this window wrote is taken from the row it wrote, with no read; a change from anywhere else (another window,
// a case added or removed, a bulk write) is read, and shown.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  addCases,
  database,
  removeCase,
  setAnswer,
  setAnswerNote,
  useCasesOf,
  type StoredCase,
} from '../../../renderer/db';
import { inAnotherWindow, inspectionWithCases } from '../helpers';

/** Counts this window's reads of case rows from here on. */
function countCaseReads() {
  const cases = database().cases;
  const where = vi.spyOn(cases, 'where');
  const bulkGet = vi.spyOn(cases, 'bulkGet');
  return {
    all: () => where.mock.calls.length,
    some: () => bulkGet.mock.calls.length,
    keys: () => bulkGet.mock.calls.flatMap(([keys]) => keys),
  };
}

const valueOf = (rows: StoredCase[] | undefined, caseId: string, questionId: string) =>
  rows?.find((c) => c.id === caseId)?.answers[questionId]?.value;

async function shown(inspectionId: string) {
  const view = renderHook(() => useCasesOf(inspectionId));
  await waitFor(() => expect(view.result.current).toBeDefined());
  return view;
}

describe("an inspection's cases, live", () => {
  it('reads them once, removed ones included, in the order people read references', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-10', 'C-2', 'C-1']);
    await removeCase(caseIds[1]!, 'KM');
    const view = await shown(inspectionId);
    expect(view.result.current!.map((c) => [c.reference, !!c.deleted])).toEqual([
      ['C-1', false],
      ['C-2', true],
      ['C-10', false],
    ]);
  });

  it('shows an answer this window saved as it commits, without reading any case again', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const view = await shown(inspectionId);
    const before = view.result.current!;
    const reads = countCaseReads();
    await act(() => setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'no' }, 'KM'));
    // Shown in the same task as the commit resolved: nothing waited on a read.
    expect(valueOf(view.result.current, caseIds[1]!, 'assessment.engagement')).toBe('no');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(reads.all()).toBe(0);
    expect(reads.some()).toBe(0);
    // The other cases keep their rows (screens memoised on them draw nothing again).
    expect(view.result.current![0]).toBe(before[0]);
    expect(view.result.current![2]).toBe(before[2]);
    expect(view.result.current![1]).not.toBe(before[1]);
    expect(view.result.current![1]).toEqual(await database().cases.get(caseIds[1]!));
  });

  it('shows an answer saved while the screen is still reading the cases', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const view = renderHook(() => useCasesOf(inspectionId));
    await act(() => setAnswer(caseIds[1]!, 'assessment.engagement', { value: 'yes' }, 'KM'));
    await waitFor(() =>
      expect(valueOf(view.result.current, caseIds[1]!, 'assessment.engagement')).toBe('yes'),
    );
    expect(view.result.current![1]).toEqual(await database().cases.get(caseIds[1]!));
  });

  it('shows a note saved in this window without reading', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const view = await shown(inspectionId);
    await act(() => setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM'));
    const reads = countCaseReads();
    await act(() => setAnswerNote(caseIds[0]!, 'assessment.engagement', 'Seen at home.', 'KM'));
    expect(view.result.current![0]!.answers['assessment.engagement']?.note).toBe('Seen at home.');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(reads.all() + reads.some()).toBe(0);
  });

  it("reads only the case another window answered, and shows that window's answer", async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const view = await shown(inspectionId);
    const reads = countCaseReads();
    await inAnotherWindow(() => setAnswer(caseIds[2]!, 'assessment.safety', { value: 'yes' }, 'SD'));
    await waitFor(() => expect(valueOf(view.result.current, caseIds[2]!, 'assessment.safety')).toBe('yes'));
    expect(view.result.current![2]!.answers['assessment.safety']?.by).toBe('SD');
    expect(reads.all()).toBe(0);
    expect(reads.keys()).toEqual([caseIds[2]]);
  });

  it('keeps both when this window and another answer the same case one after the other', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases();
    const view = await shown(inspectionId);
    await act(() => setAnswer(caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM'));
    await inAnotherWindow(() => setAnswer(caseIds[0]!, 'assessment.safety', { value: 'no' }, 'SD'));
    await act(() => setAnswer(caseIds[0]!, 'planning.engagement', { value: 'yes' }, 'KM'));
    const stored = await database().cases.get(caseIds[0]!);
    await waitFor(() => expect(view.result.current![0]).toEqual(stored));
    const row = view.result.current![0]!;
    expect(row.answers['assessment.engagement']?.value).toBe('yes');
    expect(row.answers['assessment.safety']?.value).toBe('no');
    expect(row.answers['planning.engagement']?.value).toBe('yes');
  });

  it('shows cases added and taken out, in reference order', async () => {
    const { inspectionId, caseIds } = await inspectionWithCases(['C-1', 'C-3']);
    const view = await shown(inspectionId);
    await act(() =>
      addCases(
        inspectionId,
        [
          {
            reference: 'C-2',
            caseType: 'community',
            attributes: { courtReport: 'none', releasedOnLicence: false },
          },
        ],
        'KM',
      ),
    );
    await waitFor(() => expect(view.result.current!.map((c) => c.reference)).toEqual(['C-1', 'C-2', 'C-3']));
    await act(() => removeCase(caseIds[0]!, 'KM'));
    await waitFor(() => expect(view.result.current![0]!.deleted).toBeTruthy());
    await act(async () => {
      await database().cases.delete(caseIds[1]!);
    });
    await waitFor(() => expect(view.result.current!.map((c) => c.reference)).toEqual(['C-1', 'C-2']));
  });

  it("leaves out another inspection's cases, and reads everything again after a write over a range", async () => {
    const first = await inspectionWithCases(['A-1', 'A-2']);
    const second = await inspectionWithCases(['B-1']);
    const view = await shown(first.inspectionId);
    const reads = countCaseReads();
    await act(() => setAnswer(second.caseIds[0]!, 'assessment.engagement', { value: 'yes' }, 'KM'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(reads.all() + reads.some()).toBe(0);
    expect(view.result.current!.map((c) => c.reference)).toEqual(['A-1', 'A-2']);
    await act(async () => {
      await database().cases.clear();
    });
    await waitFor(() => expect(view.result.current).toEqual([]));
    expect(reads.all()).toBe(1);
  });
});
