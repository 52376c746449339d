/// The fields the order list asks the server for (`field=`): what its rows, filter, sort and queues need.
public enum ListFields {
    public static let names: [String] = [
        "uuid", "state", "type", "offering_name", "offering_type", "offering_uuid", "plan_name",
        "project_name", "project_uuid", "customer_name", "customer_uuid", "provider_name", "provider_uuid",
        "resource_name", "cost", "created", "modified", "created_by_username", "created_by_full_name",
        "consumer_reviewed_by", "consumer_reviewed_by_username", "consumer_reviewed_by_full_name", "consumer_reviewed_at",
        "provider_reviewed_by", "provider_reviewed_by_username", "provider_reviewed_by_full_name", "provider_reviewed_at",
        "error_message", "backend_id",
    ]
}
