namespace Backprop.Notebooks;

/// <summary>
/// What an executed notebook says where a run was stopped (Ctrl-C, a signal, the worker dying), as papermill marks
/// the cell it stopped at: the stopped cell keeps its outputs and ends with this error; the cells below are not run.
/// </summary>
public static class StopMarker
{
    public const string ErrorName = "RunStopped";

    public const string Message = "Stopped here: the run was interrupted while this cell was running; the cells below did not run.";

    public const string NotRun = "not run: the run was stopped before this cell";

    public static CellOutput Output(string message = Message) => CellOutput.Error(ErrorName, message, [message]);
}
