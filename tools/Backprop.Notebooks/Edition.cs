using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>
/// Another edition of the course published beside this one: its language, the folder of its pages relative to this
/// edition's ("ko/" from the English pages, "../" back), and which pages it has, so a page links only to a twin that exists.
/// </summary>
public sealed record Edition(PageText Text, string Folder, IReadOnlySet<string> Pages);
