// A workflow interceptor for the replay tests: reports every activity the workflow schedules (with
// its input), every local activity (its type: a history keeps no local activity's input) and every timer it starts (with its duration) to a sink that also runs during replay,
// so a test can compare them with the commands a recorded history holds.
import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

export interface CommandLogSinks extends Sinks {
  commands: {
    activity(type: string, args: unknown[]): void;
    localActivity(type: string): void;
    timer(durationMs: number): void;
  };
}

const { commands } = proxySinks<CommandLogSinks>();

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        commands.activity(input.activityType, input.args);
        return next(input);
      },
      scheduleLocalActivity(input, next) {
        commands.localActivity(input.activityType);
        return next(input);
      },
      startTimer(input, next) {
        commands.timer(input.durationMs);
        return next(input);
      },
    },
  ],
});
