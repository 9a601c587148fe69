"""Who must act: routing rules, on-call schedules, escalation, notification channels."""
