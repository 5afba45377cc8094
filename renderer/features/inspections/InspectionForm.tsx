// Creating or editing an inspection: name, region and round, fieldwork start, framework, court work rated or not, and
// the lead inspector. Problems are named beside the field they concern.
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { FRAMEWORKS, findFramework, knownFrameworks } from '#shared/framework';
import { setAsideAnswers } from '#shared/scoring';
import {
  createInspection,
  describeStorageError,
  editInspection,
  newId,
  useCasesOf,
  useInspection,
  type StoredCase,
} from '../../db';
import { plural } from '../../ui/format';
import { Field } from '../../ui/Field';
import { ARRIVAL } from '../../ui/useArrivalFocus';
import { useActor } from '../settings/actor';
import { paths } from '../../app/paths';
import { Problem } from '../../ui/Message';

interface FormValues {
  name: string;
  region: string;
  round: string;
  fieldworkStart: string;
  leadInspector: string;
  framework: string;
  options: Record<string, boolean>;
}

const frameworkKey = (f: { id: string; version: string }) => `${f.id}@${f.version}`;
const frameworkRefOf = (key: string) => {
  const [id = '', version = ''] = key.split('@');
  return { id, version };
};

/** Problems with the entered values, by field. */
export function formProblems(values: FormValues): Partial<Record<keyof FormValues, string>> {
  const problems: Partial<Record<keyof FormValues, string>> = {};
  if (values.name.trim() === '') {
    const unit = findFramework(frameworkRefOf(values.framework))?.words.unit ?? 'PDU';
    problems.name = `Enter a name for the inspection, such as the ${unit}’s name.`;
  }
  if (values.fieldworkStart && !/^\d{4}-\d{2}-\d{2}$/.test(values.fieldworkStart)) {
    problems.fieldworkStart = 'Enter the date fieldwork started.';
  }
  return problems;
}

export function InspectionFormPage() {
  const { inspectionId } = useParams();
  const existing = useInspection(inspectionId);
  const cases = useCasesOf(inspectionId);
  // Wait for the cases too: whether the framework is locked depends on them.
  if (inspectionId && (existing === undefined || cases === undefined))
    return <main className="page">Loading…</main>;
  if (inspectionId && existing === null) return <main className="page">That inspection does not exist.</main>;
  const initial: FormValues = existing
    ? {
        name: existing.name,
        region: existing.region ?? '',
        round: existing.round ?? '',
        fieldworkStart: existing.fieldworkStart ?? '',
        leadInspector: existing.leadInspector ?? '',
        framework: frameworkKey(existing.framework),
        options: { ...existing.options },
      }
    : {
        name: '',
        region: '',
        round: '',
        fieldworkStart: '',
        leadInspector: '',
        framework: frameworkKey(FRAMEWORKS[0]!),
        options: {},
      };
  const hasCases = (cases ?? []).some((c) => !c.deleted);
  return (
    <InspectionForm
      key={existing?.id ?? 'new'}
      initial={initial}
      inspectionId={inspectionId}
      frameworkLocked={hasCases}
      cases={cases ?? []}
    />
  );
}

function InspectionForm({
  initial,
  inspectionId,
  frameworkLocked,
  cases,
}: {
  initial: FormValues;
  inspectionId: string | undefined;
  frameworkLocked: boolean;
  cases: readonly StoredCase[];
}) {
  const by = useActor();
  // The new inspection's id is chosen once, so a double click or double Enter creates it once.
  const [newInspectionId] = useState(newId);
  const saving = useRef(false);
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof FormValues, string>>>({});
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  // Every framework held: the built-in ones and any loaded from a framework file in Settings.
  const frameworks = knownFrameworks();
  const framework = frameworks.find((f) => frameworkKey(f) === values.framework) ?? FRAMEWORKS[0]!;
  // A field's problem goes as soon as it is edited (it is checked again on saving).
  const update = (changes: Partial<FormValues>) => {
    setValues((v) => ({ ...v, ...changes }));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([key]) => !(key in changes))));
  };

  async function submit() {
    const found = formProblems(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const details = {
      name: values.name,
      region: values.region,
      round: values.round,
      fieldworkStart: values.fieldworkStart,
      leadInspector: values.leadInspector,
      framework: { id: framework.id, version: framework.version },
      options: values.options,
    };
    if (saving.current) return;
    saving.current = true;
    try {
      const id = inspectionId ?? (await createInspection(details, by, newInspectionId));
      if (inspectionId) await editInspection(inspectionId, details, by);
      navigate(paths.inspection(id), { state: ARRIVAL });
    } catch (error) {
      setSaveProblem(describeStorageError(error));
    } finally {
      saving.current = false;
    }
  }

  // Answers an option change would set aside (kept, not counted) or bring back into the count.
  const setAsideChange = useMemo(() => {
    if (!inspectionId || cases.length === 0) return 0;
    const count = (options: Readonly<Record<string, boolean>>) =>
      setAsideAnswers({
        framework: { id: framework.id, version: framework.version },
        options,
        cases: cases.filter((c) => !c.deleted),
        judgements: {},
        overrides: {},
      }).length;
    return count(values.options) - count(initial.options);
  }, [inspectionId, cases, framework, values.options, initial.options]);

  return (
    <main className="page page--narrow">
      <h1>{inspectionId ? `Edit ${initial.name}` : 'New inspection'}</h1>
      <form
        className="card form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label="Name" problem={problems.name}>
          {(control) => (
            <input {...control} value={values.name} onChange={(e) => update({ name: e.target.value })} />
          )}
        </Field>
        <label className="field">
          <span>Region</span>
          <input value={values.region} onChange={(e) => update({ region: e.target.value })} />
        </label>
        <Field
          label="Round"
          hint="The inspection round, such as 2022: a region is compared one round at a time."
        >
          {(control) => (
            <input {...control} value={values.round} onChange={(e) => update({ round: e.target.value })} />
          )}
        </Field>
        <Field label="Fieldwork started" problem={problems.fieldworkStart}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={values.fieldworkStart}
              onChange={(e) => update({ fieldworkStart: e.target.value })}
            />
          )}
        </Field>
        <label className="field">
          <span>Lead inspector</span>
          <input value={values.leadInspector} onChange={(e) => update({ leadInspector: e.target.value })} />
        </label>
        <Field
          label="Framework"
          hint={frameworkLocked ? 'The framework cannot change once cases have been added.' : null}
        >
          {(control) => (
            <select
              {...control}
              value={values.framework}
              disabled={frameworkLocked}
              onChange={(e) => update({ framework: e.target.value, options: {} })}
            >
              {frameworks.map((f) => (
                <option key={frameworkKey(f)} value={frameworkKey(f)}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {findFramework(framework)?.options.map((option) => (
          <label key={option.id} className="field field--check">
            <input
              type="checkbox"
              checked={values.options[option.id] ?? option.defaultValue}
              onChange={(e) => update({ options: { ...values.options, [option.id]: e.target.checked } })}
            />
            <span>{option.label}</span>
          </label>
        ))}
        {setAsideChange !== 0 && (
          <p className="set-aside-warning" role="status">
            {setAsideChange > 0
              ? `${plural(setAsideChange, 'answer')} will no longer apply: they are kept but not counted, and count again if you change this back.`
              : `${plural(-setAsideChange, 'answer')} set aside earlier will count again.`}
          </p>
        )}
        <Problem text={saveProblem} />
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {inspectionId ? 'Save changes' : 'Create inspection'}
          </button>
          <button type="button" className="button button--quiet" onClick={() => navigate(-1)}>
            Cancel
          </button>
        </div>
      </form>
    </main>
  );
}
