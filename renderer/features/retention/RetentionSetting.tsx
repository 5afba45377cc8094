// The retention setting: how long after fieldwork an inspection is kept before the app asks to delete it.
import {
  checkRetentionMonths,
  DEFAULT_RETENTION_MONTHS,
  MAXIMUM_RETENTION_MONTHS,
  saveRetentionMonths,
  useRetentionMonths,
} from '../../db';
import { NumberSetting } from '../../ui/NumberSetting';

export function RetentionSetting() {
  return (
    <NumberSetting
      id="retention-setting-heading"
      title="Keeping inspections"
      intro={
        <p className="hint">
          Each inspection is kept until this many months after its fieldwork began. After that the inspections
          list reminds you, and deletes it for good only when you confirm.
        </p>
      }
      label="Keep inspections for this many months after fieldwork"
      max={MAXIMUM_RETENTION_MONTHS}
      stored={useRetentionMonths()}
      fallback={DEFAULT_RETENTION_MONTHS}
      button="Save retention"
      check={checkRetentionMonths}
      save={saveRetentionMonths}
      said={(months) => `Inspections are now kept ${months} month${months === 1 ? '' : 's'} after fieldwork.`}
    />
  );
}
