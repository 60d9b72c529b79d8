package iamarn

// Partition is an ARN's first segment: the group of AWS Regions the resource
// lives in. Each AWS account is scoped to one partition.
type Partition string

// The partitions AWS documents. Builders use PartitionAWS unless told otherwise.
const (
	PartitionAWS      Partition = "aws"        // AWS Regions
	PartitionChina    Partition = "aws-cn"     // China Regions
	PartitionGovCloud Partition = "aws-us-gov" // AWS GovCloud (US) Regions
	PartitionISO      Partition = "aws-iso"    // AWS ISO (US) Regions
	PartitionISOB     Partition = "aws-iso-b"  // AWS ISOB (US) Regions
	PartitionISOE     Partition = "aws-iso-e"  // AWS ISOE (Europe) Regions
	PartitionISOF     Partition = "aws-iso-f"  // AWS ISOF Regions
	PartitionEUSC     Partition = "aws-eusc"   // AWS European Sovereign Cloud
)

// Partitions returns the known partitions.
func Partitions() []Partition {
	return []Partition{PartitionAWS, PartitionChina, PartitionGovCloud, PartitionISO,
		PartitionISOB, PartitionISOE, PartitionISOF, PartitionEUSC}
}

// String returns the partition's name.
func (p Partition) String() string { return string(p) }

// Known reports whether p is one of the constants. Parse accepts other
// well-formed partitions, since AWS adds them; a check that must reject unknown
// ones calls Known.
func (p Partition) Known() bool {
	for _, k := range Partitions() {
		if p == k {
			return true
		}
	}
	return false
}
