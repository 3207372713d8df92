import UnknotCore
public enum PlanDrawing { public static func svg(_ plan: SessionPlan, body: BodyModel) -> String { "" } }
