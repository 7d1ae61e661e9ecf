namespace Backprop;

/// <summary>The operations a traced computational graph knows (§5.4 apples, §5.5.2 sigmoid, §5.6.3 Softmax-with-Loss).</summary>
public enum GraphOp
{
    Input,
    Mul,
    Add,
    Scale,
    AddConstant,
    Exp,
    Reciprocal,
    Log,
}
